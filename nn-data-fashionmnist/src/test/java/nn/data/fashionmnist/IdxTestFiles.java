package nn.data.fashionmnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Tiny IDX files for tests. */
final class IdxTestFiles {
    static final int PIXELS = 28 * 28;

    private IdxTestFiles() {
    }

    /** An IDX file with the given magic number, dimensions and payload. */
    static byte[] idx(int magic, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    /** {@code n} 28x28 images; image i has every pixel equal to {@code pixel(i)}. */
    static byte[] images(int n, int... pixelOfImage) {
        byte[] payload = new byte[n * PIXELS];
        for (int i = 0; i < n; i++) {
            Arrays.fill(payload, i * PIXELS, (i + 1) * PIXELS, (byte) pixelOfImage[i % pixelOfImage.length]);
        }
        return idx(IdxFile.IMAGES_MAGIC, new int[] {n, 28, 28}, payload);
    }

    static byte[] labels(int... labels) {
        byte[] payload = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            payload[i] = (byte) labels[i];
        }
        return idx(IdxFile.LABELS_MAGIC, new int[] {labels.length}, payload);
    }

    static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder with all four gz files: 3 training images (labels 9, 0, 3), 2 test images (labels 1, 2). */
    static Path completeFolder(Path dir) {
        write(dir.resolve(FashionMnist.TRAIN_IMAGES), gzip(images(3, 0, 255, 51)));
        write(dir.resolve(FashionMnist.TRAIN_LABELS), gzip(labels(9, 0, 3)));
        write(dir.resolve(FashionMnist.TEST_IMAGES), gzip(images(2, 10, 20)));
        write(dir.resolve(FashionMnist.TEST_LABELS), gzip(labels(1, 2)));
        return dir;
    }
}
