package nn.core.parallel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the little-endian frames of the data-parallel encodings: a 4-byte magic and a version
 * first, then ints, longs, float32 arrays and int arrays (each array preceded by its length),
 * strings as UTF-8 with their byte count. Float arrays go in bulk: a round moves megabytes.
 */
public final class FrameWriter {
    private ByteBuffer buffer;

    /** @param magic four ASCII letters naming the encoding, e.g. {@code NNRQ} */
    /** @param expectedBytes the frame's size if known (then {@link #toBytes} copies nothing), else a guess: the buffer grows */
    public FrameWriter(String magic, int version, long expectedBytes) {
        buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(HEADER_BYTES, expectedBytes)))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(magic.getBytes(StandardCharsets.US_ASCII), 0, 4);
        buffer.putInt(version);
    }

    public FrameWriter putInt(int value) {
        room(4).putInt(value);
        return this;
    }

    public FrameWriter putLong(long value) {
        room(8).putLong(value);
        return this;
    }

    public FrameWriter putFloat(float value) {
        room(4).putFloat(value);
        return this;
    }

    public FrameWriter putFloats(float[] values) {
        putInt(values.length);
        room(4L * values.length);
        buffer.asFloatBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
        return this;
    }

    public FrameWriter putFloatArrays(List<float[]> arrays) {
        putInt(arrays.size());
        arrays.forEach(this::putFloats);
        return this;
    }

    public FrameWriter putInts(int[] values) {
        putInt(values.length);
        room(4L * values.length);
        buffer.asIntBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
        return this;
    }

    public FrameWriter putBytes(byte[] values) {
        putInt(values.length);
        room(values.length).put(values);
        return this;
    }

    public FrameWriter putString(String value) {
        return putBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The frame; no copy when the writer was made with its exact size (see the {@code bytesOf} helpers). */
    public byte[] toBytes() {
        return buffer.position() == buffer.capacity() ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** What the magic and version take. */
    public static final int HEADER_BYTES = 8;

    /** What {@link #putFloatArrays} writes for {@code arrays}. */
    public static long bytesOf(List<float[]> arrays) {
        long bytes = 4;
        for (float[] array : arrays) {
            bytes += 4 + 4L * array.length;
        }
        return bytes;
    }

    /** What {@link #putString} writes for {@code value}. */
    public static int bytesOf(String value) {
        return 4 + value.getBytes(StandardCharsets.UTF_8).length;
    }

    private ByteBuffer room(long bytes) {
        if (buffer.remaining() < bytes) {
            long needed = buffer.position() + bytes;
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.capacity()));
            ByteBuffer grown = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            grown.put(buffer.array(), 0, buffer.position());
            buffer = grown;
        }
        return buffer;
    }
}
