package nn.api;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * A labelled data set split into training and test samples. Features have one row a sample
 * ({@code sampleShape.size()} columns, read as float32, stored as the provider chose, e.g. bytes);
 * labels are class indices, one row a sample.
 */
public record Dataset(String name, Shape sampleShape, List<String> classNames,
        Features trainFeatures, FMatrixRMaj trainLabels, Features testFeatures, FMatrixRMaj testLabels) {

    public Dataset {
        check(name, "train", trainFeatures, trainLabels, sampleShape);
        check(name, "test", testFeatures, testLabels, sampleShape);
        classNames = List.copyOf(classNames);
    }

    /** Features held as float32 matrices (shared, not copied). */
    public Dataset(String name, Shape sampleShape, List<String> classNames,
            FMatrixRMaj trainFeatures, FMatrixRMaj trainLabels, FMatrixRMaj testFeatures, FMatrixRMaj testLabels) {
        this(name, sampleShape, classNames, Features.of(trainFeatures), trainLabels, Features.of(testFeatures), testLabels);
    }

    private static void check(String name, String split, Features x, FMatrixRMaj y, Shape shape) {
        if (x.columns() != shape.size()) {
            throw new NnException("dataset " + name + ": " + split + " features have " + x.columns()
                    + " values a sample, the sample shape " + shape + " needs " + shape.size());
        }
        if (x.rows() != y.numRows) {
            throw new NnException("dataset " + name + ": " + split + " has " + x.rows() + " samples but "
                    + y.numRows + " labels");
        }
    }
}
