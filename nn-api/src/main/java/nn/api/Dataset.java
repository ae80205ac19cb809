package nn.api;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * A labelled data set split into training and test samples. Features have one row a sample
 * ({@code sampleShape.size()} columns, float32); labels are class indices, one row a sample.
 */
public record Dataset(String name, Shape sampleShape, List<String> classNames,
        FMatrixRMaj trainFeatures, FMatrixRMaj trainLabels, FMatrixRMaj testFeatures, FMatrixRMaj testLabels) {

    public Dataset {
        check(name, "train", trainFeatures, trainLabels, sampleShape);
        check(name, "test", testFeatures, testLabels, sampleShape);
        classNames = List.copyOf(classNames);
    }

    private static void check(String name, String split, FMatrixRMaj x, FMatrixRMaj y, Shape shape) {
        if (x.numCols != shape.size()) {
            throw new NnException("dataset " + name + ": " + split + " features have " + x.numCols
                    + " values a sample, the sample shape " + shape + " needs " + shape.size());
        }
        if (x.numRows != y.numRows) {
            throw new NnException("dataset " + name + ": " + split + " has " + x.numRows + " samples but "
                    + y.numRows + " labels");
        }
    }
}
