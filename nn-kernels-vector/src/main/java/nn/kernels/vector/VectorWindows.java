package nn.kernels.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WindowPasses} for one vector species, a template that {@link Specializer} copies once per
 * species. Lanes are channels: a window's maximum is a running lane-wise {@code max} over its taps
 * (the Vector API's max is {@code Math.max}'s, NaN and signed zeros included). The gradient
 * carries what is left of each lane's output gradient from tap to tap: a tap equal to the maximum
 * takes it (dx += left) and leaves 0 to the later taps, which then add +0 (no change: dx starts
 * at +0 and a sum is never -0), so the first equal tap gets it, as in the scalar loop, without a
 * branch per channel (JDK 17 allocates for masked adds and mask logic; compare and blend are free). Each sample's dx is zeroed just before its windows are visited (it is then in cache).
 * im2col and col2im copy and add whole vectors of channels per tap. The fewer than one vector of
 * channels at the end are the reference's scalar loops.
 */
final class VectorWindows implements WindowPasses {
    private static final VectorSpecies<Float> S = Specializer.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);

    @Override
    public void max(float[] x, int from, int to, int sampleSize, int[] offsets, int taps, int channels, float[] y) {
        int vectorChannels = channels - channels % L;
        int outSize = offsets.length / taps * channels;
        for (int s = from; s < to; s++) {
            int base = s * sampleSize;
            for (int first = 0, o = s * outSize; first < offsets.length; first += taps, o += channels) {
                for (int k = 0; k < vectorChannels; k += L) {
                    FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY); // not a constant vector: allocates
                    for (int t = first; t < first + taps; t++) {
                        int offset = offsets[t];
                        if (offset >= 0) {
                            m = m.max(FloatVector.fromArray(S, x, base + offset + k));
                        }
                    }
                    m.intoArray(y, o + k);
                }
                if (vectorChannels < channels) {
                    Arrays.fill(y, o + vectorChannels, o + channels, Float.NEGATIVE_INFINITY);
                    for (int t = first; t < first + taps; t++) {
                        if (offsets[t] >= 0) {
                            int i = base + offsets[t];
                            for (int k = vectorChannels; k < channels; k++) {
                                y[o + k] = Math.max(y[o + k], x[i + k]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void maxGradient(float[] x, float[] y, float[] dy, int from, int to, int sampleSize, int[] offsets, int taps,
            int channels, int cover, float[] dx) {
        int vectorChannels = channels - channels % L;
        int outSize = offsets.length / taps * channels;
        // windows that tile the sample store every element of dx; the scalar tail adds, so it needs zeros
        boolean zeroFirst = cover != WindowCover.TILING || vectorChannels < channels;
        boolean add = cover == WindowCover.OVERLAPPING;
        for (int s = from; s < to; s++) {
            int base = s * sampleSize;
            if (zeroFirst) {
                Arrays.fill(dx, base, base + sampleSize, 0f);
            }
            for (int first = 0, o = s * outSize; first < offsets.length; first += taps, o += channels) {
                for (int k = 0; k < vectorChannels; k += L) {
                    FloatVector max = FloatVector.fromArray(S, y, o + k);
                    FloatVector left = FloatVector.fromArray(S, dy, o + k);
                    for (int t = first; t < first + taps; t++) {
                        int offset = offsets[t];
                        if (offset >= 0) {
                            int i = base + offset + k;
                            VectorMask<Float> hit = FloatVector.fromArray(S, x, i).compare(VectorOperators.EQ, max);
                            // +0 + g as the reference's dx = 0, dx += g (a -0 gradient lands as +0)
                            FloatVector into = add ? FloatVector.fromArray(S, dx, i) : ZERO;
                            into.add(ZERO.blend(left, hit)).intoArray(dx, i);
                            left = left.blend(ZERO, hit);
                        }
                    }
                }
                for (int k = vectorChannels; k < channels; k++) {
                    for (int t = first; t < first + taps; t++) {
                        if (offsets[t] >= 0 && x[base + offsets[t] + k] == y[o + k]) {
                            dx[base + offsets[t] + k] += dy[o + k];
                            break;
                        }
                    }
                }
            }
        }
    }

    @Override
    public void gather(float[] x, int first, int from, int to, int sampleSize, int[] offsets, int channels, float[] cols) {
        int vectorChannels = channels - channels % L;
        int rowsSize = offsets.length * channels;
        for (int s = from; s < to; s++) {
            int base = s * sampleSize;
            int o = (s - first) * rowsSize;
            if (channels == 1) {
                for (int t = 0; t < offsets.length; t++) {
                    int offset = offsets[t];
                    cols[o + t] = offset < 0 ? 0f : x[base + offset];
                }
                continue;
            }
            for (int t = 0; t < offsets.length; t++, o += channels) {
                int offset = offsets[t];
                if (offset < 0) {
                    for (int k = 0; k < vectorChannels; k += L) {
                        ZERO.intoArray(cols, o + k);
                    }
                    Arrays.fill(cols, o + vectorChannels, o + channels, 0f);
                } else {
                    int i = base + offset;
                    for (int k = 0; k < vectorChannels; k += L) {
                        FloatVector.fromArray(S, x, i + k).intoArray(cols, o + k);
                    }
                    for (int k = vectorChannels; k < channels; k++) {
                        cols[o + k] = x[i + k];
                    }
                }
            }
        }
    }

    @Override
    public void scatter(float[] cols, int from, int to, int sampleSize, int[] offsets, int channels, float[] dx) {
        int vectorChannels = channels - channels % L;
        int rowsSize = offsets.length * channels;
        for (int s = from; s < to; s++) {
            int base = s * sampleSize;
            Arrays.fill(dx, base, base + sampleSize, 0f);
            for (int t = 0, o = s * rowsSize; t < offsets.length; t++, o += channels) {
                int offset = offsets[t];
                if (offset >= 0) {
                    int i = base + offset;
                    for (int k = 0; k < vectorChannels; k += L) {
                        FloatVector.fromArray(S, dx, i + k).add(FloatVector.fromArray(S, cols, o + k)).intoArray(dx, i + k);
                    }
                    for (int k = vectorChannels; k < channels; k++) {
                        dx[i + k] += cols[o + k];
                    }
                }
            }
        }
    }
}
