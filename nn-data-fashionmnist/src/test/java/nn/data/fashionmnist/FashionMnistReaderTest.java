package nn.data.fashionmnist;

import static nn.data.fashionmnist.IdxTestFiles.gzip;
import static nn.data.fashionmnist.IdxTestFiles.images;
import static nn.data.fashionmnist.IdxTestFiles.labels;
import static nn.data.fashionmnist.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nn.api.Dataset;
import nn.api.NnException;
import nn.api.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsAFolderIntoADataset() {
        Dataset ds = FashionMnistReader.read(IdxTestFiles.completeFolder(dir), Integer.MAX_VALUE);

        assertEquals("fashion_mnist", ds.name());
        assertEquals(Shape.of(28, 28), ds.sampleShape());
        assertEquals(FashionMnist.CLASS_NAMES, ds.classNames());
        assertEquals(3, ds.trainFeatures().rows());
        assertEquals(784, ds.trainFeatures().columns());
        assertEquals(9.0f, ds.trainLabels().get(0, 0));
        assertEquals(2, ds.testFeatures().rows());
        assertEquals(2.0f, ds.testLabels().get(1, 0));
    }

    @Test
    void limitAppliesToTrainingOnly() {
        Dataset ds = FashionMnistReader.read(IdxTestFiles.completeFolder(dir), 2);

        assertEquals(2, ds.trainFeatures().rows());
        assertEquals(2, ds.trainLabels().numRows);
        assertEquals(2, ds.testFeatures().rows());
    }

    @Test
    void readsUnzippedFilesToo() {
        write(dir.resolve("train-images-idx3-ubyte"), images(1, 255));
        write(dir.resolve("train-labels-idx1-ubyte"), labels(4));
        write(dir.resolve(FashionMnist.TEST_IMAGES), gzip(images(1, 0)));
        write(dir.resolve(FashionMnist.TEST_LABELS), gzip(labels(5)));

        Dataset ds = FashionMnistReader.read(dir, Integer.MAX_VALUE);

        assertEquals(1.0f, ds.trainFeatures().toMatrix().get(0, 0));
        assertEquals(4.0f, ds.trainLabels().get(0, 0));
    }

    @Test
    void imageAndLabelCountsMustMatch() {
        Path images = write(dir.resolve(FashionMnist.TRAIN_IMAGES), gzip(images(3, 1)));
        Path labels = write(dir.resolve(FashionMnist.TRAIN_LABELS), gzip(labels(1, 2)));

        NnException e = assertThrows(NnException.class, () -> FashionMnistReader.readPair(images, labels, 10));

        assertTrue(e.getMessage().contains(images + " holds 3 images but " + labels + " holds 2 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("count mismatch"), e.getMessage());
    }
}
