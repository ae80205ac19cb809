package nn.core;

import nn.api.Features;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * Samples (one row each) with their targets: class indices ({@code n x 1}) or one row of values each.
 * The features may be stored as float32 or compactly (e.g. pixels as bytes); batches read them as float32.
 */
public record LabeledData(Features features, FMatrixRMaj targets) {

    public LabeledData {
        if (features.rows() != targets.numRows) {
            throw new NnException("data: " + features.rows() + " samples but " + targets.numRows + " targets");
        }
    }

    /** Features held as a float32 matrix, shared, not copied. */
    public LabeledData(FMatrixRMaj features, FMatrixRMaj targets) {
        this(Features.of(features), targets);
    }

    public int size() {
        return features.rows();
    }

    /**
     * Rows [from, to), e.g. the first 5,000 training images as validation data: a view of these
     * features (nothing copied) with a copy of their targets.
     */
    public LabeledData rows(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new NnException("data: rows [" + from + ", " + to + ") are outside the " + size() + " samples");
        }
        return new LabeledData(features.viewRows(from, to), CommonOps_FDRM.extract(targets, from, to, 0, targets.numCols));
    }
}
