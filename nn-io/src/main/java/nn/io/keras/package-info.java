/**
 * Keras 3's {@code .keras} archive: {@code metadata.json}, {@code config.json} in Keras 3's
 * serialization and {@code model.weights.h5} with the weights by layer class and position. Also the
 * translation between Keras 3 configurations and the Keras 2 ones nn's model files use, which the
 * {@code .h5} reader shares (Keras 3 writes its own configurations into {@code .h5} files too).
 */
package nn.io.keras;
