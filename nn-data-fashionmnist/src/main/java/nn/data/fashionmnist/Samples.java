package nn.data.fashionmnist;

import nn.api.Dataset;
import nn.api.NnException;
import org.ejml.data.FMatrixRMaj;

/** Features (one sample a row) with their labels (one class index a row). */
public record Samples(FMatrixRMaj features, FMatrixRMaj labels) {

    public Samples {
        if (features.numRows != labels.numRows) {
            throw new NnException("samples: " + features.numRows + " feature rows but " + labels.numRows + " label rows");
        }
    }

    /**
     * Copies of the first {@code n} rows, e.g. the tutorial's validation data: the first 5,000
     * training images, while training still uses all of them.
     */
    public static Samples firstRows(FMatrixRMaj features, FMatrixRMaj labels, int n) {
        if (n <= 0 || n > features.numRows || n > labels.numRows) {
            throw new NnException("cannot take the first " + n + " rows of " + features.numRows + " samples and "
                    + labels.numRows + " labels");
        }
        return new Samples(firstRows(features, n), firstRows(labels, n));
    }

    /** The first {@code n} training samples of {@code dataset}. */
    public static Samples validationFrom(Dataset dataset, int n) {
        return firstRows(dataset.trainFeatures(), dataset.trainLabels(), n);
    }

    private static FMatrixRMaj firstRows(FMatrixRMaj m, int n) {
        FMatrixRMaj out = new FMatrixRMaj(n, m.numCols);
        System.arraycopy(m.data, 0, out.data, 0, n * m.numCols);
        return out;
    }
}
