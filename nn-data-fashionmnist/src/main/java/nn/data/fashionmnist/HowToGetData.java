package nn.data.fashionmnist;

import java.nio.file.Path;
import java.util.List;
import nn.api.NnException;

/** The error for missing data: where it looked, what it tried, and exactly how to get the files. */
public final class HowToGetData {

    private HowToGetData() {
    }

    /**
     * @param searched the folders looked in
     * @param attempts one line each on what was tried and why it failed (may be empty)
     */
    public static NnException missing(List<Path> searched, List<String> attempts) {
        StringBuilder s = new StringBuilder("Fashion-MNIST data not found. Looked in: ");
        s.append(String.join(", ", searched.stream().map(Path::toString).toList())).append('.');
        for (String attempt : attempts) {
            s.append("\n  tried ").append(attempt);
        }
        s.append("\nTo get the data, do one of:")
                .append("\n  - sudo apt-get install -y ").append(AptFetcher.PACKAGE)
                .append("   (puts the files in ").append(DataLocator.SYSTEM_DIR).append(')')
                .append("\n  - download ").append(String.join(", ", FashionMnist.FILES))
                .append(" from ").append(HttpFetcher.ORIGINAL_URL)
                .append(" (e.g. ").append(HttpFetcher.ORIGINAL_URL.resolve(FashionMnist.TRAIN_IMAGES)).append(')')
                .append(" into a folder, then set ").append(DataLocator.ENV_VAR).append("=<folder>")
                .append(" or pass --data <folder> (config key data_dir), or put them in ~/.nn/datasets/fashion-mnist");
        return new NnException(s.toString());
    }
}
