package nn.kernels.vector;

/** {@link nn.api.Kernels#unsignedBytesToFloats} on the Vector API, equal to {@link nn.api.ByteOps} bit for bit. */
interface BytePasses {

    /** dst[dstOffset + i] = (src[srcOffset + i] &amp; 0xFF) / divisor for i &lt; length; arguments already checked. */
    void unsignedToFloats(byte[] src, int srcOffset, float divisor, float[] dst, int dstOffset, int length);
}
