package nn.layers.conv;

import org.ejml.data.FMatrixRMaj;

/** A batch of a convolution's outputs (or their gradients) seen as one row per output position, one column per filter. */
final class PositionRows {
    private final int positions;
    private final int filters;
    private final FMatrixRMaj view = new FMatrixRMaj(1, 1);

    PositionRows(int positions, int filters) {
        this.positions = positions;
        this.filters = filters;
    }

    /** The view of {@code m} (n x positions * filters) as (n * positions) x filters; valid until the next call. */
    FMatrixRMaj of(FMatrixRMaj m) {
        view.data = m.data;
        view.numRows = m.numRows * positions;
        view.numCols = filters;
        return view;
    }
}
