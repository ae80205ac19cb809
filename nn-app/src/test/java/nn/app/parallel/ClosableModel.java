package nn.app.parallel;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import nn.api.BuildContext;
import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/** An empty model whose kernels record that they were closed, which is what closing a model does. */
final class ClosableModel {
    final Sequential model;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClosableModel() {
        Kernels ejml = new EjmlKernels();
        Kernels recording = new Kernels() {
            @Override public String name() { return ejml.name(); }
            @Override public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { ejml.mult(a, b, c); }
            @Override public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { ejml.multTransA(a, b, c); }
            @Override public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { ejml.multTransB(a, b, c); }
            @Override public void close() { closed.set(true); }
        };
        model = new Sequential("m", new BuildContext(recording, new SplittableRandom(0)));
    }

    boolean closed() {
        return closed.get();
    }
}
