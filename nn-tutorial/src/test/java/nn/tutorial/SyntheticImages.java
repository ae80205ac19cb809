package nn.tutorial;

import java.util.SplittableRandom;
import nn.api.Features;
import nn.core.LabeledData;
import org.ejml.data.FMatrixRMaj;

/**
 * A learnable stand-in for Fashion-MNIST: 28x28 "images" in [0, 1], each a noisy copy of one of ten
 * random class prototypes.
 */
final class SyntheticImages {

    private SyntheticImages() {
    }

    static LabeledData generate(int samples, long seed) {
        SplittableRandom prototypes = new SplittableRandom(1234);
        float[][] classes = new float[10][784];
        for (float[] c : classes) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) prototypes.nextDouble();
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj x = new FMatrixRMaj(samples, 784);
        FMatrixRMaj y = new FMatrixRMaj(samples, 1);
        for (int s = 0; s < samples; s++) {
            int label = random.nextInt(10);
            y.data[s] = label;
            for (int i = 0; i < 784; i++) {
                float v = classes[label][i] + (float) (random.nextGaussian() * 0.5);
                x.data[s * 784 + i] = Math.min(1f, Math.max(0f, v));
            }
        }
        return new LabeledData(x, y);
    }

    /** The same images with each value rounded to a byte 0..255, read back as byte / 255f (as Fashion-MNIST's pixels are). */
    static LabeledData asPixelBytes(LabeledData data) {
        float[] values = data.features().toMatrix().data;
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) Math.round(values[i] * 255);
        }
        return new LabeledData(Features.ofBytes(pixels, data.features().columns(), 255f), data.targets());
    }
}
