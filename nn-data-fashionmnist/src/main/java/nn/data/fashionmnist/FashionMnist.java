package nn.data.fashionmnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What Fashion-MNIST is: its four files, its image size and its classes. */
public final class FashionMnist {
    public static final String NAME = "fashion_mnist";

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    /** In the order a download fetches them. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int TRAIN_SIZE = 60_000;
    public static final int TEST_SIZE = 10_000;
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The file in {@code folder}: the gz as published, or else one a user has already unzipped. */
    public static Path file(Path folder, String gzName) {
        Path gz = folder.resolve(gzName);
        Path plain = folder.resolve(gzName.substring(0, gzName.length() - ".gz".length()));
        return !Files.isRegularFile(gz) && Files.isRegularFile(plain) ? plain : gz;
    }

    /** The file names missing from {@code folder} (empty when it holds all four). */
    public static List<String> missingIn(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : FILES) {
            if (!Files.isRegularFile(file(folder, name))) {
                missing.add(name);
            }
        }
        return missing;
    }
}
