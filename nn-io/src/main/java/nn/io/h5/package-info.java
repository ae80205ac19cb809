/**
 * Keras 2's legacy HDF5 model file ({@code model.save("model.h5")}): root attributes
 * {@code model_config} and {@code training_config} (JSON), {@code /model_weights} with one group per
 * layer listing its {@code weight_names}, and {@code /optimizer_weights}. See {@link nn.io.h5.H5Format}.
 */
package nn.io.h5;
