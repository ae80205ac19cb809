package nn.core;

import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;

/** The check every loss makes before it computes: one target row a prediction row, of the width the loss needs. */
final class LossTargets {

    private LossTargets() {
    }

    static void checkRows(FMatrixRMaj predictions, FMatrixRMaj targets, int targetColumns, String loss) {
        if (predictions.numRows != targets.numRows || targets.numCols != targetColumns) {
            throw new NnException(loss + ": targets of shape " + targets.numRows + "x" + targets.numCols
                    + " do not fit predictions of shape " + predictions.numRows + "x" + predictions.numCols
                    + " (expected " + predictions.numRows + "x" + targetColumns + ")");
        }
    }
}
