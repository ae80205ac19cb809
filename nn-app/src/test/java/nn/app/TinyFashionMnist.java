package nn.app;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the four Fashion-MNIST files in the real IDX format, gzipped, with a few learnable
 * images: each class lights up its own band of rows, plus noise.
 */
public final class TinyFashionMnist {

    private TinyFashionMnist() {
    }

    public static Path write(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        writePair(folder, "train", train, 1);
        writePair(folder, "t10k", test, 2);
        return folder;
    }

    private static void writePair(Path folder, String prefix, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * 784];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            for (int p = 0; p < 784; p++) {
                int row = p / 28;
                int value = (row >= label * 2 && row < label * 2 + 4 ? 200 : 0) + random.nextInt(56);
                pixels[i * 784 + p] = (byte) value;
            }
        }
        try (DataOutputStream out = gzip(folder.resolve(prefix + "-images-idx3-ubyte.gz"))) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(28);
            out.writeInt(28);
            out.write(pixels);
        }
        try (DataOutputStream out = gzip(folder.resolve(prefix + "-labels-idx1-ubyte.gz"))) {
            out.writeInt(0x00000801);
            out.writeInt(count);
            out.write(labels);
        }
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new GZIPOutputStream(raw));
    }
}
