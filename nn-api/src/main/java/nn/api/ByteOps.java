package nn.api;

/**
 * The reference conversion of stored bytes to floats, as {@link Kernels#unsignedBytesToFloats}
 * does it: {@code dst[dstOffset + i] = (src[srcOffset + i] & 0xFF) / divisor}, one correctly
 * rounded float division each, e.g. pixels 0..255 read as {@code p / 255f}.
 */
public final class ByteOps {

    private ByteOps() {
    }

    public static void unsignedBytesToFloats(byte[] src, int srcOffset, float divisor, float[] dst, int dstOffset, int length) {
        check(src, srcOffset, dst, dstOffset, length);
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = (src[srcOffset + i] & 0xFF) / divisor;
        }
    }

    /**
     * {@link Kernels#gatherUnsignedBytes}: row q of dst is row {@code rows[from + q]} of the byte rows
     * from {@code srcOffset}, converted as {@link #unsignedBytesToFloats} converts.
     */
    public static void gatherUnsignedBytes(byte[] src, int srcOffset, int rowLength, int[] rows, int from, int count,
            float divisor, float[] dst) {
        checkGather(src, srcOffset, rowLength, rows, from, count, dst);
        for (int q = 0; q < count; q++) {
            unsignedBytesToFloats(src, srcOffset + rows[from + q] * rowLength, divisor, dst, q * rowLength, rowLength);
        }
    }

    /** The argument checks of {@link #gatherUnsignedBytes}, for implementations to share: every row index too. */
    public static void checkGather(byte[] src, int srcOffset, int rowLength, int[] rows, int from, int count, float[] dst) {
        if (rowLength < 0 || srcOffset < 0 || srcOffset > src.length || count < 0 || from < 0
                || (long) from + count > rows.length || (long) count * rowLength > dst.length) {
            throw new IllegalArgumentException("gatherUnsignedBytes: cannot gather " + count + " rows of " + rowLength
                    + " bytes from offset " + srcOffset + " of " + src.length + " bytes, by indices " + from + " on of "
                    + rows.length + ", into " + dst.length + " floats");
        }
        long available = rowLength == 0 ? Long.MAX_VALUE : (src.length - srcOffset) / rowLength;
        for (int q = from; q < from + count; q++) {
            if (rows[q] < 0 || rows[q] >= available) {
                throw new IllegalArgumentException("gatherUnsignedBytes: row index rows[" + q + "] = " + rows[q]
                        + " is outside the " + available + " rows of " + rowLength + " bytes from offset " + srcOffset);
            }
        }
    }

    /** The argument checks of {@link #unsignedBytesToFloats}, for implementations to share. */
    public static void check(byte[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        if (length < 0 || srcOffset < 0 || dstOffset < 0 || (long) srcOffset + length > src.length
                || (long) dstOffset + length > dst.length) {
            throw new IllegalArgumentException("unsignedBytesToFloats: cannot convert " + length + " values from offset "
                    + srcOffset + " of " + src.length + " bytes to offset " + dstOffset + " of " + dst.length + " floats");
        }
    }
}
