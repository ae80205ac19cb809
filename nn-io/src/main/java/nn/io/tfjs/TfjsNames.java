package nn.io.tfjs;

/** tfjs names weights {@code dense/kernel}; nn and Keras 2, {@code dense/kernel:0}. */
final class TfjsNames {
    private static final String SUFFIX = ":0";

    private TfjsNames() {
    }

    static String withoutSuffix(String path) {
        return path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
    }

    static String withSuffix(String name) {
        return name.endsWith(SUFFIX) ? name : name + SUFFIX;
    }

    /** The layer of {@code dense_Dense1/kernel}: the part before the first slash. */
    static String layerOf(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
