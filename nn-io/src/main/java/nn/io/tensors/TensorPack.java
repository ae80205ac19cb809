package nn.io.tensors;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import nn.io.SavedTensor;
import nn.io.json.JsonCursor;

/**
 * Named float32 tensors stored back to back as raw little-endian bytes, with an index that gives
 * each one's name, shape, byte offset and byte length (4 times its element count). Reading checks
 * the index against the bytes: every tensor where the previous one ends, lengths that fit the
 * shapes, no bytes missing and none left over.
 */
public final class TensorPack {

    /** One tensor of the index. */
    record Entry(String name, List<Integer> shape, long offset, long length) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("shape", shape);
            map.put("offset", offset);
            map.put("length", length);
            return map;
        }
    }

    /** Floats written at a time: 64 kB, well below G1's humongous size, so writing leaves no big garbage. */
    private static final int CHUNK_FLOATS = 16 * 1024;

    private final List<Entry> entries = new ArrayList<>();
    private final List<Values> values = new ArrayList<>();
    private long size;

    /** The first {@code count} values of an array. */
    private record Values(float[] data, int count) {
    }

    /** Receives the bytes in chunks. */
    private interface ChunkSink<E extends Exception> {
        void accept(byte[] bytes, int offset, int length) throws E;
    }

    /**
     * Adds the first {@code count} values of {@code data}. They are not copied but read when the
     * pack is written: a checkpoint of the tutorial's weights would otherwise be 5 MB of arrays
     * that G1 keeps in its old generation until a collection happens to run.
     */
    public void add(String name, List<Integer> shape, float[] data, int count) {
        entries.add(new Entry(name, List.copyOf(shape), size, 4L * count));
        values.add(new Values(data, count));
        size += 4L * count;
    }

    /** The index, as JSON-ready values. */
    public List<Object> index() {
        return entries.stream().<Object>map(Entry::toMap).toList();
    }

    /** Number of bytes {@link #writeTo} writes. */
    public long size() {
        return size;
    }

    /** The CRC-32 of the bytes {@link #writeTo} writes. */
    public long crc32() {
        CRC32 crc = new CRC32();
        forEachChunk(crc::update);
        return crc.getValue();
    }

    /** Writes the values, tensor after tensor, as little-endian float32. */
    public void writeTo(OutputStream out) throws IOException {
        forEachChunk(out::write);
    }

    private <E extends Exception> void forEachChunk(ChunkSink<E> sink) throws E {
        ByteBuffer buffer = ByteBuffer.allocate(4 * CHUNK_FLOATS).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = buffer.asFloatBuffer();
        for (Values v : values) {
            for (int from = 0; from < v.count(); from += CHUNK_FLOATS) {
                int n = Math.min(CHUNK_FLOATS, v.count() - from);
                floats.clear();
                floats.put(v.data(), from, n);
                sink.accept(buffer.array(), 0, 4 * n);
            }
        }
    }

    /** A checked index entry, before its values are read. */
    public record Described(String name, List<Integer> shape, int elements, String where) {
    }

    /**
     * Checks an index against the size of the bytes it describes, before any is read: names once
     * each, lengths that fit the shapes, every tensor where the previous one ends, all of the bytes
     * and no more.
     *
     * @param index the JSON list of entries, e.g. {@code variables} in weights.json
     * @param binSize the size of the bytes, e.g. as weights.bin's zip header declares it
     * @param binName names the bytes in errors, e.g. {@code weights.bin}
     */
    public static List<Described> describe(JsonCursor index, long binSize, String binName) {
        List<Described> described = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long expectedOffset = 0;
        for (JsonCursor item : index.elements()) {
            item.requireObject();
            String name = item.string("name");
            if (!seen.add(name)) {
                throw item.error("'" + name + "' appears twice");
            }
            List<Integer> shape = shape(item.get("shape"));
            long offset = item.count("offset", Long.MAX_VALUE);
            long length = item.count("length", Long.MAX_VALUE);
            long elements = 1;
            for (int d : shape) {
                elements *= d; // no overflow: at most binSize times an int
                if (elements > binSize) {
                    throw item.error("'" + name + "': shape " + shape + " is larger than all of " + binName
                            + " (" + binSize + " bytes)");
                }
            }
            if (length != 4 * elements) {
                throw item.error("'" + name + "': length " + length + " bytes does not fit shape " + shape
                        + ", which needs " + elements + " float32 values (" + 4 * elements + " bytes)");
            }
            if (offset != expectedOffset) {
                throw item.error("'" + name + "': offset " + offset + ", expected " + expectedOffset
                        + " (tensors are stored back to back)");
            }
            if (offset + length > binSize) {
                throw item.error("'" + name + "' needs bytes " + offset + " to " + (offset + length) + " but "
                        + binName + " has only " + binSize + " bytes (truncated?)");
            }
            described.add(new Described(name, shape, (int) elements, item.where()));
            expectedOffset = offset + length;
        }
        if (expectedOffset != binSize) {
            throw index.error(binName + " has " + (binSize - expectedOffset) + " bytes more than the index describes");
        }
        return described;
    }

    /**
     * Reads the values of checked entries from a stream of back-to-back little-endian float32,
     * through a 64 kB buffer (no copy of the whole bytes).
     *
     * @param layerWeights whether they are layers' weights (named {@code <layer>/...}) rather than optimizer slots
     */
    public static List<SavedTensor> read(List<Described> described, InputStream in, boolean layerWeights) throws IOException {
        List<SavedTensor> tensors = new ArrayList<>();
        byte[] chunk = new byte[4 * CHUNK_FLOATS];
        FloatBuffer floats = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (Described d : described) {
            float[] values = new float[d.elements()];
            for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
                int n = Math.min(CHUNK_FLOATS, values.length - from);
                if (in.readNBytes(chunk, 0, 4 * n) != 4 * n) {
                    throw new EOFException("the values of '" + d.name() + "' end early");
                }
                floats.clear();
                floats.get(values, from, n);
            }
            tensors.add(new SavedTensor(layerWeights ? layerOf(d.name()) : null, d.name(), d.shape(), values, d.where()));
        }
        return tensors;
    }

    /** The layer of a Keras path: {@code dense} of {@code dense/kernel:0}. */
    public static String layerOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static List<Integer> shape(JsonCursor node) {
        List<Integer> dims = new ArrayList<>();
        for (JsonCursor d : node.elements()) {
            if (!d.node().isIntegralNumber() || !d.node().canConvertToInt() || d.node().intValue() <= 0) {
                throw node.error("must be a list of positive whole numbers, got " + node.shown());
            }
            dims.add(d.node().intValue());
        }
        return dims;
    }
}
