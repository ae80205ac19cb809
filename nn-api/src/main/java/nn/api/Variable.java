package nn.api;

import org.ejml.data.FMatrixRMaj;

/**
 * A named weight of a layer, with Keras's path {@code <layer>/<weight>:0}. The value is stored as a
 * {@link Shape#rows()} by {@link Shape#columns()} matrix; a trainable variable also owns a gradient
 * buffer of the same size, which the layer's backward pass overwrites.
 */
public final class Variable {
    private final String path;
    private final Shape shape;
    private final boolean trainable;
    private final FMatrixRMaj value;
    private final FMatrixRMaj gradient;

    public Variable(String path, Shape shape, boolean trainable) {
        this.path = path;
        this.shape = shape;
        this.trainable = trainable;
        this.value = new FMatrixRMaj(shape.rows(), shape.columns());
        this.gradient = trainable ? new FMatrixRMaj(shape.rows(), shape.columns()) : null;
    }

    /** Keras path, e.g. {@code batch_normalization/gamma:0}. */
    public String path() {
        return path;
    }

    public Shape shape() {
        return shape;
    }

    /** Whether the weight itself is trainable; a frozen layer reports all its weights as non-trainable. */
    public boolean trainable() {
        return trainable;
    }

    public FMatrixRMaj value() {
        return value;
    }

    /** The gradient of the last backward pass; only trainable variables have one. */
    public FMatrixRMaj gradient() {
        if (gradient == null) {
            throw new NnException("variable " + path + " is not trainable and has no gradient");
        }
        return gradient;
    }

    public int size() {
        return shape.size();
    }

    /** Copies values in, checking the count, e.g. for loading saved weights. */
    public void assign(float[] values) {
        if (values.length != size()) {
            throw new NnException("variable " + path + " of shape " + shape + " needs " + size()
                    + " values, got " + values.length);
        }
        System.arraycopy(values, 0, value.data, 0, values.length);
    }

    @Override
    public String toString() {
        return path + " " + shape;
    }
}
