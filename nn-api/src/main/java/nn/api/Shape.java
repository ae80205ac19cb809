package nn.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of one sample (the batch dimension is never part of it), or of a weight.
 * A tensor of this shape is stored as a row-major {@link #size()} floats; weights of rank two or
 * more are stored as a {@link #rows()} by {@link #columns()} matrix.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        for (int d : dims) {
            if (d <= 0) {
                throw new NnException("shape " + Arrays.toString(dims) + ": every dimension must be positive");
            }
        }
        long size = 1;
        for (int d : dims) {
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new NnException("shape " + Arrays.toString(dims) + " has more than " + Integer.MAX_VALUE + " elements");
            }
        }
        this.dims = dims.clone();
    }

    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    public static Shape of(List<Integer> dims) {
        return new Shape(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    public int[] dims() {
        return dims.clone();
    }

    public List<Integer> toList() {
        return Arrays.stream(dims).boxed().collect(Collectors.toList());
    }

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    public int size() {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Rows of the matrix that stores a tensor of this shape: all but the last dimension (1 for rank 0 or 1). */
    public int rows() {
        return dims.length <= 1 ? 1 : size() / dims[dims.length - 1];
    }

    /** Columns of the matrix that stores a tensor of this shape: the last dimension (1 for a scalar). */
    public int columns() {
        return dims.length == 0 ? 1 : dims[dims.length - 1];
    }

    /** The Keras spelling with a batch dimension in front: {@code (None, 28, 28)}. */
    public String withBatch() {
        if (dims.length == 0) {
            return "(None,)";
        }
        return "(None, " + Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ")";
    }

    /** The Keras / NumPy spelling: {@code (784, 300)}, {@code (300,)}. */
    @Override
    public String toString() {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        return "(" + Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}
