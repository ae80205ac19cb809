package nn.data.fashionmnist;

import nn.api.Features;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;

/** Features (one sample a row) with their labels (one class index a row), as read from a pair of IDX files. */
public record Samples(Features features, FMatrixRMaj labels) {

    public Samples {
        if (features.rows() != labels.numRows) {
            throw new NnException("samples: " + features.rows() + " feature rows but " + labels.numRows + " label rows");
        }
    }
}
