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

    /** The argument checks of {@link #unsignedBytesToFloats}, for implementations to share. */
    public static void check(byte[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        if (length < 0 || srcOffset < 0 || dstOffset < 0 || (long) srcOffset + length > src.length
                || (long) dstOffset + length > dst.length) {
            throw new IllegalArgumentException("unsignedBytesToFloats: cannot convert " + length + " values from offset "
                    + srcOffset + " of " + src.length + " bytes to offset " + dstOffset + " of " + dst.length + " floats");
        }
    }
}
