package nn.data.fashionmnist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import nn.api.Features;
import nn.api.IoProblem;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;

/**
 * One IDX file of unsigned bytes (gzipped or plain), read whole and validated: magic number,
 * dimension count, positive dimensions and an exact payload length. Every error is an
 * {@link NnException} that starts with the file's path.
 */
public final class IdxFile {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int UNSIGNED_BYTE = 0x08;
    /** Pixels 0..255 read as pixel / 255f, the tutorial's {@code x / 255.0}. */
    private static final float PIXEL_DIVISOR = 255f;

    private final Path path;
    private final int[] dims;
    private final byte[] payload;

    private IdxFile(Path path, int[] dims, byte[] payload) {
        this.path = path;
        this.dims = dims;
        this.payload = payload;
    }

    /** Reads images: magic 0x00000803 and exactly {@code rows} x {@code columns} pixels each. */
    public static IdxFile readImages(Path path, int rows, int columns) {
        return read(path, 3, rows, columns);
    }

    /** Reads labels: magic 0x00000801, each one a class index in 0..numClasses-1. */
    public static IdxFile readLabels(Path path, int numClasses) {
        IdxFile file = read(path, 1);
        for (int i = 0; i < file.payload.length; i++) {
            int label = file.payload[i] & 0xFF;
            if (label >= numClasses) {
                throw file.error("label " + label + " at index " + i + " is out of range 0.." + (numClasses - 1));
            }
        }
        return file;
    }

    public Path path() {
        return path;
    }

    /** Number of items: images or labels. */
    public int count() {
        return dims[0];
    }

    /**
     * The first {@code limit} items (or all) as rows of pixels read as pixel / 255f, one image a row,
     * kept as bytes (a quarter of float32's memory): all of them share this file's bytes, fewer
     * get a copy of their own, so the rest can be freed.
     */
    public Features pixels(int limit) {
        int n = Math.min(limit, count());
        int width = payload.length / count();
        byte[] rows = n == count() ? payload : Arrays.copyOf(payload, n * width);
        return Features.ofBytes(rows, width, PIXEL_DIVISOR);
    }

    /** The first {@code limit} labels (or all) as an N x 1 column of class indices. */
    public FMatrixRMaj labels(int limit) {
        int n = Math.min(limit, count());
        FMatrixRMaj m = new FMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            m.data[i] = payload[i] & 0xFF;
        }
        return m;
    }

    /** @param itemShape the dimensions after the count that the file must have, e.g. 28, 28 */
    private static IdxFile read(Path path, int expectedDims, int... itemShape) {
        if (Files.isDirectory(path)) {
            throw new NnException(path + ": is a folder, not a data file");
        }
        try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            boolean gzip = startsWithGzipMagic(raw);
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return parse(path, in, expectedDims, gzip, itemShape);
        } catch (NoSuchFileException e) {
            throw new NnException(path + ": file not found", e);
        } catch (ZipException e) {
            throw new NnException(path + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new NnException(path + ": truncated gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new NnException(path + ": cannot read: " + IoProblem.describe(e), e);
        }
    }

    /** Gzip is recognised by its magic bytes 1f 8b, not by the file name. */
    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /**
     * Reads no more than the header implies: the payload is read in chunks up to its size (so a
     * header that lies costs only the bytes really there), and one byte past it tells trailing data
     * (a gzip bomb is never inflated beyond that).
     */
    private static IdxFile parse(Path path, InputStream in, int expectedDims, boolean gzip, int[] itemShape) throws IOException {
        byte[] magic = in.readNBytes(4);
        int expectedMagic = expectedDims == 3 ? IMAGES_MAGIC : LABELS_MAGIC;
        if (magic.length < 4) {
            throw new NnException(path + ": truncated: " + magic.length + " bytes, too short for an IDX header");
        }
        int magicNumber = (magic[0] & 0xFF) << 24 | (magic[1] & 0xFF) << 16 | (magic[2] & 0xFF) << 8 | magic[3] & 0xFF;
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UNSIGNED_BYTE) {
            throw new NnException(path + ": bad magic number " + hex(magicNumber) + ", expected " + hex(expectedMagic)
                    + (gzip ? ": the gzip content is not an IDX file of unsigned bytes"
                            : ": neither gzip nor an IDX file of unsigned bytes"));
        }
        int dimCount = magic[3] & 0xFF;
        if (dimCount != expectedDims) {
            throw new NnException(path + ": wrong number of dimensions: expected " + expectedDims + ", got " + dimCount
                    + " (magic number " + hex(magicNumber) + ", expected " + hex(expectedMagic) + ")");
        }
        byte[] header = in.readNBytes(4 * dimCount);
        long headerLength = 4L + 4L * dimCount;
        if (header.length < 4 * dimCount) {
            throw new NnException(path + ": truncated: header needs " + headerLength + " bytes, got " + (4 + header.length));
        }
        int[] dims = new int[dimCount];
        long payloadLength = 1;
        for (int d = 0; d < dimCount; d++) {
            dims[d] = (header[4 * d] & 0xFF) << 24 | (header[4 * d + 1] & 0xFF) << 16
                    | (header[4 * d + 2] & 0xFF) << 8 | header[4 * d + 3] & 0xFF;
            if (dims[d] <= 0) {
                throw new NnException(path + ": dimension " + d + " is " + dims[d] + ", must be positive");
            }
            payloadLength *= dims[d];
            if (payloadLength > Integer.MAX_VALUE - 8) {
                throw new NnException(path + ": dimensions " + Arrays.toString(dims) + " are too large");
            }
        }
        requireItemShape(path, dims, itemShape);
        long expectedTotal = headerLength + payloadLength;
        byte[] payload = in.readNBytes((int) payloadLength);
        if (payload.length < payloadLength) {
            throw new NnException(path + ": truncated: expected " + expectedTotal + " bytes, got " + (headerLength + payload.length));
        }
        if (in.read() != -1) {
            throw new NnException(path + ": trailing bytes: the data go on past the " + expectedTotal
                    + " bytes that its header implies");
        }
        return new IdxFile(path, dims, payload);
    }

    private static void requireItemShape(Path path, int[] dims, int[] itemShape) {
        if (itemShape.length == 2 && (dims[1] != itemShape[0] || dims[2] != itemShape[1])) {
            throw new NnException(path + ": expected " + itemShape[0] + "x" + itemShape[1] + " images, got " + dims[1] + "x" + dims[2]);
        }
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private NnException error(String problem) {
        return new NnException(path + ": " + problem);
    }
}
