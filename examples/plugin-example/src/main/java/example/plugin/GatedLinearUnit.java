package example.plugin;

import java.util.Map;
import nn.api.BaseLayer;
import nn.api.BuildContext;
import nn.api.Config;
import nn.api.Initializer;
import nn.api.Initializers;
import nn.api.Kernels;
import nn.api.Shape;
import nn.api.Variable;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * A gated linear unit (Dauphin et al. 2017): a dense layer whose every output is scaled by a
 * learned sigmoid gate, computed from the same input.
 * <pre>
 * a = x W + b             value; W: kernel (in, units), b: bias (units,)
 * g = sigmoid(x V + c)    gate;  V: gate_kernel (in, units), c: gate_bias (units,)
 * y = a * g               element by element
 * </pre>
 * Backward, from dy = dL/dy:
 * <pre>
 * da = dy * g                 dW = x<sup>T</sup> da    db = column sums of da
 * dz = dy * a * g * (1 - g)   dV = x<sup>T</sup> dz    dc = column sums of dz
 * dx = da W<sup>T</sup> + dz V<sup>T</sup>
 * </pre>
 * Keys: {@code units} (required), {@code use_bias} (true), {@code kernel_initializer}
 * (glorot_uniform, for W and V); the biases start at zero.
 */
public final class GatedLinearUnit extends BaseLayer {
    public static final String TYPE = "GatedLinearUnit";

    private final int units;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private Kernels kernels;
    private Variable kernel;
    private Variable gateKernel;
    private Variable bias;
    private Variable gateBias;

    // Buffers, fitted to the batch with reshape, which only allocates when the batch grows.
    private FMatrixRMaj input;
    private final FMatrixRMaj value = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj gate = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj output = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj valueGradient = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj gateGradient = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj inputGradient = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj gateInputGradient = new FMatrixRMaj(1, 1);

    public GatedLinearUnit(Config config) {
        super(TYPE, config, "units", "use_bias", "kernel_initializer");
        this.units = config.requirePositiveInt("units");
        this.useBias = config.getBoolean("use_bias", true);
        this.kernelInitializer = Initializers.parse(config.get("kernel_initializer").orElse("glorot_uniform"),
                config.owner());
    }

    @Override
    protected Shape onBuild(Shape inputShape, BuildContext context) {
        requireFlatInput(inputShape);
        kernels = context.kernels();
        Shape kernelShape = Shape.of(inputShape.dim(0), units);
        kernel = addWeight("kernel", kernelShape, kernelInitializer, true, context);
        gateKernel = addWeight("gate_kernel", kernelShape, kernelInitializer, true, context);
        if (useBias) {
            bias = addWeight("bias", Shape.of(units), Initializers.zeros(), true, context);
            gateBias = addWeight("gate_bias", Shape.of(units), Initializers.zeros(), true, context);
        }
        return Shape.of(units);
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        checkInput(x);
        input = x;
        value.reshape(x.numRows, units);
        gate.reshape(x.numRows, units);
        output.reshape(x.numRows, units);
        kernels.mult(x, kernel.value(), value);                // a = x W
        kernels.mult(x, gateKernel.value(), gate);             // x V
        if (useBias) {
            addToEveryRow(value, bias.value());
            addToEveryRow(gate, gateBias.value());
        }
        for (int i = 0, n = output.getNumElements(); i < n; i++) {
            gate.data[i] = sigmoid(gate.data[i]);
            output.data[i] = value.data[i] * gate.data[i];
        }
        return output;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj outputGradient, boolean inputGradientNeeded) {
        valueGradient.reshape(outputGradient.numRows, units);
        gateGradient.reshape(outputGradient.numRows, units);
        for (int i = 0, n = outputGradient.getNumElements(); i < n; i++) {
            float dy = outputGradient.data[i];
            float g = gate.data[i];
            valueGradient.data[i] = dy * g;                             // da
            gateGradient.data[i] = dy * value.data[i] * g * (1f - g);   // dz
        }
        if (isTrainable()) { // a frozen layer leaves its gradients alone
            kernels.multTransA(input, valueGradient, kernel.gradient());        // dW = xT da
            kernels.multTransA(input, gateGradient, gateKernel.gradient());     // dV = xT dz
            if (useBias) {
                CommonOps_FDRM.sumCols(valueGradient, bias.gradient());         // db
                CommonOps_FDRM.sumCols(gateGradient, gateBias.gradient());      // dc
            }
        }
        if (!inputGradientNeeded) {
            return null;
        }
        inputGradient.reshape(outputGradient.numRows, input.numCols);
        gateInputGradient.reshape(outputGradient.numRows, input.numCols);
        kernels.multTransB(valueGradient, kernel.value(), inputGradient);        // da WT
        kernels.multTransB(gateGradient, gateKernel.value(), gateInputGradient); // dz VT
        CommonOps_FDRM.addEquals(inputGradient, gateInputGradient);
        return inputGradient;
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("units", units);
        config.put("use_bias", useBias);
        config.put("kernel_initializer", kernelInitializer.toConfig());
    }

    /** m[r][j] += v[j] for every row r. */
    private static void addToEveryRow(FMatrixRMaj m, FMatrixRMaj v) {
        for (int r = 0, offset = 0; r < m.numRows; r++, offset += m.numCols) {
            for (int j = 0; j < m.numCols; j++) {
                m.data[offset + j] += v.data[j];
            }
        }
    }

    private static float sigmoid(float z) {
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }
}
