package nn.io.h5;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in a Keras {@code .h5} file and nn's variable paths. Weights: Keras 2 writes {@code w.name}
 * ({@code dense/kernel:0}, which is nn's path too), Keras 3 {@code w.path} ({@code dense/kernel});
 * either way the last part names the variable of the layer whose group holds it. Optimizer weights
 * follow Keras 2's legacy optimizers: {@code SGD/iter:0}, and a slot {@code SGD/dense/kernel/momentum:0}
 * for nn's {@code dense/kernel:0/momentum}.
 */
final class H5Names {
    static final String ITERATIONS = "iter:0";
    /** {@code <optimizer>/<variable path without :0>/<slot>:0} */
    private static final Pattern SLOT = Pattern.compile("[^/]+/(.+)/([^/:]+):0");
    private static final Pattern ITERATION = Pattern.compile("[^/]+/(iter|iteration|iterations):0");

    private H5Names() {
    }

    /** The nn path of a weight saved in the layer's group: {@code <layer>/<last part without :N>:0}. */
    static String variablePath(String layer, String weightName) {
        String last = weightName.substring(weightName.lastIndexOf('/') + 1);
        int colon = last.lastIndexOf(':');
        return layer + "/" + (colon < 0 ? last : last.substring(0, colon)) + ":0";
    }

    static String iterations(String optimizer) {
        return optimizer + "/" + ITERATIONS;
    }

    /** nn's {@code dense/kernel:0/momentum} as Keras 2 names it: {@code SGD/dense/kernel/momentum:0}. */
    static String slot(String optimizer, String nnSlot) {
        int cut = nnSlot.lastIndexOf('/');
        String variable = nnSlot.substring(0, cut);
        String slot = nnSlot.substring(cut + 1);
        return optimizer + "/" + stripIndex(variable) + "/" + slot + ":0";
    }

    static boolean isIterations(String name) {
        return ITERATION.matcher(name).matches();
    }

    /** nn's slot name for a Keras 2 one, or none when the name is not of that form. */
    static Optional<String> nnSlot(String name) {
        Matcher m = SLOT.matcher(name);
        return m.matches() ? Optional.of(m.group(1) + ":0/" + m.group(2)) : Optional.empty();
    }

    private static String stripIndex(String path) {
        return path.endsWith(":0") ? path.substring(0, path.length() - 2) : path;
    }
}
