package nn.core;

import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/** Samples (one row each) with their targets: class indices ({@code n x 1}) or one row of values each. */
public record LabeledData(FMatrixRMaj features, FMatrixRMaj targets) {

    public LabeledData {
        if (features.numRows != targets.numRows) {
            throw new NnException("data: " + features.numRows + " samples but " + targets.numRows + " targets");
        }
    }

    public int size() {
        return features.numRows;
    }

    /** A copy of rows [from, to), e.g. the first 5,000 training images as validation data. */
    public LabeledData rows(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new NnException("data: rows [" + from + ", " + to + ") are outside the " + size() + " samples");
        }
        return new LabeledData(CommonOps_FDRM.extract(features, from, to, 0, features.numCols),
                CommonOps_FDRM.extract(targets, from, to, 0, targets.numCols));
    }
}
