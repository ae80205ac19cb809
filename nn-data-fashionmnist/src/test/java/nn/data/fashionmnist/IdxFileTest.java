package nn.data.fashionmnist;

import static nn.data.fashionmnist.IdxTestFiles.gzip;
import static nn.data.fashionmnist.IdxTestFiles.idx;
import static nn.data.fashionmnist.IdxTestFiles.images;
import static nn.data.fashionmnist.IdxTestFiles.labels;
import static nn.data.fashionmnist.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {true, false})
    void readsImagesAndScalesPixelsBy255(boolean gzipped) {
        byte[] bytes = images(3, 0, 255, 51);
        Path file = write(dir.resolve("images.idx"), gzipped ? gzip(bytes) : bytes);

        FMatrixRMaj pixels = IdxFile.readImages(file, 28, 28).pixels(Integer.MAX_VALUE).toMatrix();

        assertEquals(3, pixels.numRows);
        assertEquals(784, pixels.numCols);
        assertAll(
                () -> assertEquals(0.0f, pixels.get(0, 0)),
                () -> assertEquals(1.0f, pixels.get(1, 783)),
                () -> assertEquals(0.2f, pixels.get(2, 400)));
    }

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {true, false})
    void readsLabelsAsAColumnOfClassIndices(boolean gzipped) {
        byte[] bytes = labels(9, 0, 3);
        Path file = write(dir.resolve("labels.idx"), gzipped ? gzip(bytes) : bytes);

        IdxFile idx = IdxFile.readLabels(file, 10);
        FMatrixRMaj labels = idx.labels(Integer.MAX_VALUE);

        assertEquals(3, idx.count());
        assertEquals(1, labels.numCols);
        assertEquals("[9.0, 0.0, 3.0]", Arrays.toString(labels.data));
    }

    @Test
    void limitKeepsTheFirstRows() {
        Path file = write(dir.resolve("images.gz"), gzip(images(3, 1, 2, 3)));

        FMatrixRMaj pixels = IdxFile.readImages(file, 28, 28).pixels(2).toMatrix();

        assertEquals(2, pixels.numRows);
        assertEquals(2 / 255.0f, pixels.get(1, 0));
    }

    /** Pixels are kept as bytes; each must still read as exactly the float32 i / 255f it was read as before. */
    @Test
    void everyPixelValueReadsAsExactlyItsValueOver255() {
        byte[] image = new byte[784];
        for (int i = 0; i < 256; i++) {
            image[i] = (byte) i;
        }
        Path file = write(dir.resolve("all-values.idx"), idx(IdxFile.IMAGES_MAGIC, new int[] {1, 28, 28}, image));

        float[] row = new float[784];
        IdxFile.readImages(file, 28, 28).pixels(1).copyRow(0, row, 0);

        for (int i = 0; i < 256; i++) {
            assertEquals(Float.floatToRawIntBits(i / 255.0f), Float.floatToRawIntBits(row[i]), "pixel " + i);
        }
    }

    @Test
    void badMagicNumber() {
        Path file = write(dir.resolve("labels-as-images.gz"), gzip(labels(1, 2)));

        assertError(() -> IdxFile.readImages(file, 28, 28), file,
                "wrong number of dimensions: expected 3, got 1", "0x00000801", "0x00000803");

        Path signed = write(dir.resolve("signed.idx"), idx(0x00000903, new int[] {1, 28, 28}, new byte[784]));
        assertError(() -> IdxFile.readImages(signed, 28, 28), signed, "bad magic number 0x00000903, expected 0x00000803");
    }

    @Test
    void notGzipButGarbage() {
        Path file = write(dir.resolve("garbage.gz"), "<html>Not Found</html>".getBytes(StandardCharsets.US_ASCII));

        assertError(() -> IdxFile.readLabels(file, 10), file, "bad magic number 0x3C68746D", "neither gzip nor an IDX file");
    }

    @Test
    void corruptGzip() {
        byte[] gz = gzip(images(2, 7));
        gz[gz.length / 2] ^= 0x55;
        gz[gz.length / 2 + 1] ^= 0x55;
        Path file = write(dir.resolve("corrupt.gz"), gz);

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "gzip");
    }

    @Test
    void wrongImageSize() {
        Path file = write(dir.resolve("small.gz"), gzip(idx(IdxFile.IMAGES_MAGIC, new int[] {2, 27, 28}, new byte[2 * 27 * 28])));

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "expected 28x28 images, got 27x28");
    }

    @Test
    void nonPositiveDimension() {
        Path file = write(dir.resolve("negative.gz"), gzip(idx(IdxFile.IMAGES_MAGIC, new int[] {-1, 28, 28}, new byte[0])));

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "dimension 0 is -1, must be positive");
    }

    @Test
    void truncatedPayload() {
        byte[] full = images(2, 7);
        Path file = write(dir.resolve("truncated.gz"), gzip(Arrays.copyOf(full, 1000)));

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "truncated: expected 1584 bytes, got 1000");
    }

    @Test
    void truncatedHeader() {
        Path file = write(dir.resolve("short.idx"), Arrays.copyOf(images(1, 7), 10));

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "truncated: header needs 16 bytes, got 10");
    }

    @Test
    void truncatedGzipStream() {
        byte[] gz = gzip(images(2, 7));
        Path file = write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 10));

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "truncated gzip data");
    }

    @Test
    void trailingBytes() {
        byte[] full = images(2, 7);
        Path file = write(dir.resolve("long.idx"), Arrays.copyOf(full, full.length + 5));

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "trailing bytes: the data go on past the 1584 bytes that its header implies");
    }

    /** 64 MB of zeros after two images, 64 kB gzipped: refused at the first byte past the images, never inflated in full. */
    @Test
    void aGzipBombStopsAtTheSizeTheHeaderImplies() throws Exception {
        Path file = dir.resolve("bomb.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file))) {
            out.write(images(2, 7));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertError(() -> IdxFile.readImages(file, 28, 28), file, "trailing bytes: the data go on past the 1584 bytes");
    }

    /** A header that claims 2 million images holds two: only the bytes there are read, no 1.5 GB array is made. */
    @Test
    void aHeaderThatClaimsFarMoreThanTheFileHolds() {
        byte[] two = images(2, 7);
        byte[] lying = idx(IdxFile.IMAGES_MAGIC, new int[] {2_000_000, 28, 28}, Arrays.copyOfRange(two, 16, two.length));
        Path file = write(dir.resolve("lying.gz"), gzip(lying));

        assertError(() -> IdxFile.readImages(file, 28, 28), file, "truncated: expected 1568000016 bytes, got 1584");
    }

    @Test
    void aFolderNamedLikeTheFile() throws Exception {
        Path folder = java.nio.file.Files.createDirectory(dir.resolve("train-images-idx3-ubyte.gz"));

        assertError(() -> IdxFile.readImages(folder, 28, 28), folder, "is a folder, not a data file");
    }

    @Test
    void labelOutOfRange() {
        Path file = write(dir.resolve("labels.gz"), gzip(labels(3, 10, 1)));

        assertError(() -> IdxFile.readLabels(file, 10), file, "label 10 at index 1 is out of range 0..9");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.gz");

        assertError(() -> IdxFile.readLabels(file, 10), file, "file not found");
    }

    static void assertError(org.junit.jupiter.api.function.Executable read, Path file, String... problems) {
        NnException e = assertThrows(NnException.class, read);
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), () -> "names the file: " + e.getMessage());
        for (String problem : problems) {
            assertTrue(e.getMessage().contains(problem), () -> "says '" + problem + "': " + e.getMessage());
        }
    }
}
