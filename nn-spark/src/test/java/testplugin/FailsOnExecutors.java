package testplugin;

import nn.api.Activation;
import nn.api.ActivationProvider;
import nn.api.Config;
import org.ejml.data.FMatrixRMaj;

/**
 * A plugin activation, as a user's jar on the class path would bring it: the identity on the driver,
 * where nn checks the model, and a failure where Spark runs the training.
 */
public final class FailsOnExecutors implements Activation, ActivationProvider {

    @Override
    public String name() {
        return "fails_on_executors";
    }

    @Override
    public Activation create(Config config) {
        return this;
    }

    @Override
    public void forward(FMatrixRMaj x, FMatrixRMaj y) {
        if (Thread.currentThread().getName().startsWith("Executor task launch")) {
            throw new IllegalStateException("this plugin cannot run on an executor");
        }
        y.setTo(x);
    }

    @Override
    public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) {
        dx.setTo(dy);
    }
}
