package nn.io.hdf5;

import io.jhdf.api.Dataset;
import java.util.ArrayList;
import java.util.List;
import nn.api.NnException;

/**
 * Reads a dataset's values once its declared size is known to be sane: no more bytes than the file
 * holds (Keras stores weights uncompressed, so a small file declaring a huge dataset is lying) and no
 * more than {@link #MAX_BYTES}. Weights are float32; float64 (numpy's default) is narrowed.
 */
public final class Hdf5Datasets {
    /** As a model.zip entry: 1 GiB. */
    static final long MAX_BYTES = 1L << 30;

    private Hdf5Datasets() {
    }

    /** The dimensions, as a list. */
    public static List<Integer> shape(Hdf5Input in, Dataset dataset) {
        return Hdf5Input.guarded(in.source(), () -> {
            List<Integer> shape = new ArrayList<>();
            for (long d : dataset.getDimensionsAsLong()) {
                if (d < 0 || d > Integer.MAX_VALUE) {
                    throw new NnException(in.source() + ": " + dataset.getPath() + " has a dimension of " + d);
                }
                shape.add((int) d);
            }
            return shape;
        });
    }

    /** The values in row-major order, as float32. */
    public static float[] floats(Hdf5Input in, Dataset dataset) {
        return Hdf5Input.guarded(in.source(), () -> {
            checkSize(in, dataset);
            Object data = dataset.isScalar() ? scalarArray(dataset.getData()) : dataset.getDataFlat();
            if (data instanceof float[] floats) {
                return floats;
            }
            if (data instanceof double[] doubles) {
                float[] floats = new float[doubles.length];
                for (int i = 0; i < doubles.length; i++) {
                    floats[i] = (float) doubles[i];
                }
                return floats;
            }
            throw new NnException(in.source() + ": " + dataset.getPath() + " holds " + dataset.getJavaType().getSimpleName()
                    + " values; weights must be float32 (or float64)");
        });
    }

    /** A whole number held as a scalar or a one-element dataset (Keras's iteration count). */
    public static long integer(Hdf5Input in, Dataset dataset) {
        return Hdf5Input.guarded(in.source(), () -> {
            checkSize(in, dataset);
            if (dataset.getSize() != 1) {
                throw new NnException(in.source() + ": " + dataset.getPath() + " should hold one number, but holds "
                        + dataset.getSize());
            }
            Object data = dataset.isScalar() ? dataset.getData() : java.lang.reflect.Array.get(dataset.getDataFlat(), 0);
            if (data instanceof Long || data instanceof Integer || data instanceof Short || data instanceof Byte) {
                return ((Number) data).longValue();
            }
            if (data instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return (long) n.doubleValue();
            }
            throw new NnException(in.source() + ": " + dataset.getPath() + " should hold a whole number, but holds " + data);
        });
    }

    private static Object scalarArray(Object value) {
        if (value instanceof Float f) {
            return new float[] {f};
        }
        if (value instanceof Double d) {
            return new double[] {d};
        }
        return value;
    }

    private static void checkSize(Hdf5Input in, Dataset dataset) {
        long elements = dataset.getSize();
        int elementBytes = dataset.getDataType().getSize();
        long bytes = elements * elementBytes;
        if (elements < 0 || bytes < 0 || bytes > Math.min(MAX_BYTES, in.sizeInBytes())) {
            throw new NnException(in.source() + ": " + dataset.getPath() + " declares " + elements + " values ("
                    + bytes + " bytes), more than the file's " + in.sizeInBytes() + " bytes can hold (at most "
                    + MAX_BYTES + ")");
        }
    }
}
