package nn.data.fashionmnist;

import java.nio.file.Path;
import nn.api.Dataset;
import nn.api.NnException;
import nn.api.Shape;

/** Reads the four Fashion-MNIST files of one folder into a {@link Dataset}. */
public final class FashionMnistReader {

    private FashionMnistReader() {
    }

    /** @param trainLimit keep only the first this many training samples ({@code Integer.MAX_VALUE} for all) */
    public static Dataset read(Path folder, int trainLimit) {
        Samples train = readPair(FashionMnist.file(folder, FashionMnist.TRAIN_IMAGES),
                FashionMnist.file(folder, FashionMnist.TRAIN_LABELS), trainLimit);
        Samples test = readPair(FashionMnist.file(folder, FashionMnist.TEST_IMAGES),
                FashionMnist.file(folder, FashionMnist.TEST_LABELS), Integer.MAX_VALUE);
        return new Dataset(FashionMnist.NAME, Shape.of(FashionMnist.ROWS, FashionMnist.COLUMNS),
                FashionMnist.CLASS_NAMES, train.features(), train.labels(), test.features(), test.labels());
    }

    /** Images with their labels; the two files must hold the same number of items. */
    public static Samples readPair(Path imagesFile, Path labelsFile, int limit) {
        IdxFile images = IdxFile.readImages(imagesFile, FashionMnist.ROWS, FashionMnist.COLUMNS);
        IdxFile labels = IdxFile.readLabels(labelsFile, FashionMnist.CLASS_NAMES.size());
        if (images.count() != labels.count()) {
            throw new NnException(imagesFile + " holds " + images.count() + " images but " + labelsFile + " holds "
                    + labels.count() + " labels: count mismatch");
        }
        return new Samples(images.pixels(limit), labels.labels(limit));
    }
}
