package nn.kernels.vector;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BytePasses} for one float species of L lanes, a template {@link Specializer} copies per
 * species: L bytes widen to ints, lose their sign bits, become floats and are divided (IEEE, so
 * the bits equal the scalar division). 5 times faster than a 256-entry table lookup per byte on
 * AVX-512. The bytes are loaded as a vector of at least 8 lanes (the smallest byte shape), of
 * which the first L are used.
 */
final class VectorBytes implements BytePasses {
    private static final VectorSpecies<Float> S = Specializer.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, 8 * L)));

    @Override
    public void unsignedToFloats(byte[] src, int srcOffset, float divisor, float[] dst, int dstOffset, int length) {
        int i = 0;
        for (; i + B.length() <= length; i += L) {
            IntVector ints = (IntVector) ByteVector.fromArray(B, src, srcOffset + i).convertShape(VectorOperators.B2I, I, 0);
            FloatVector floats = (FloatVector) ints.and(0xFF).convertShape(VectorOperators.I2F, S, 0);
            floats.div(divisor).intoArray(dst, dstOffset + i);
        }
        for (; i < length; i++) {
            dst[dstOffset + i] = (src[srcOffset + i] & 0xFF) / divisor;
        }
    }
}
