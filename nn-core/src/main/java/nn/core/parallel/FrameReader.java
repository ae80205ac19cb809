package nn.core.parallel;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nn.api.NnException;

/** Reads what a {@link FrameWriter} wrote; a wrong magic, version or a short frame is one clear error naming the encoding. */
public final class FrameReader {
    private final ByteBuffer buffer;
    private final String what;

    /** @param what names the encoding in errors, e.g. {@code data-parallel round request} */
    public FrameReader(byte[] bytes, String magic, int version, String what) {
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.what = what;
        if (bytes.length < 8 || !new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals(magic)) {
            throw new NnException("not a " + what + " (it does not start with " + magic + ")");
        }
        buffer.position(4);
        int found = buffer.getInt();
        if (found != version) {
            throw new NnException(what + " of version " + found + ", but this nn reads version " + version
                    + ": driver and workers must run the same nn");
        }
    }

    public int getInt() {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public long getLong() {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public float getFloat() {
        try {
            return buffer.getFloat();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public float[] getFloats() {
        float[] values = new float[length(4)];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + 4 * values.length);
        return values;
    }

    public List<float[]> getFloatArrays() {
        int count = length(4);
        List<float[]> arrays = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arrays.add(getFloats());
        }
        return arrays;
    }

    public int[] getInts() {
        int[] values = new int[length(4)];
        buffer.asIntBuffer().get(values);
        buffer.position(buffer.position() + 4 * values.length);
        return values;
    }

    public byte[] getBytes() {
        byte[] values = new byte[length(1)];
        buffer.get(values);
        return values;
    }

    public String getString() {
        return new String(getBytes(), StandardCharsets.UTF_8);
    }

    /** Every byte was read: a longer frame is as wrong as a shorter one. */
    public void end() {
        if (buffer.hasRemaining()) {
            throw new NnException(what + " has " + buffer.remaining() + " bytes too many");
        }
    }

    /** A count read from the frame, checked against the bytes left (each element {@code elementBytes} at least). */
    private int length(int elementBytes) {
        int count = getInt();
        if (count < 0 || (long) count * elementBytes > buffer.remaining()) {
            throw truncated();
        }
        return count;
    }

    private NnException truncated() {
        return new NnException(what + " is truncated or damaged");
    }
}
