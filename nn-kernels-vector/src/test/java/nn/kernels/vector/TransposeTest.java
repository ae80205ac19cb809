package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransposeTest {

    @Test
    void copiesExactlyTheBlockTransposed() {
        SplittableRandom random = new SplittableRandom(2);
        for (int s = 0; s < 200; s++) {
            int rows = 1 + random.nextInt(40);
            int cols = 1 + random.nextInt(40);
            int r0 = random.nextInt(rows);
            int r1 = r0 + random.nextInt(rows - r0 + 1);
            int c0 = random.nextInt(cols);
            int c1 = c0 + random.nextInt(cols - c0 + 1);
            float[] src = new float[rows * cols];
            for (int e = 0; e < src.length; e++) {
                src[e] = e;
            }
            float[] dst = new float[rows * cols];
            java.util.Arrays.fill(dst, -1f);
            Transpose.block(src, cols, dst, rows, r0, r1, c0, c1);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    boolean inside = r >= r0 && r < r1 && c >= c0 && c < c1;
                    assertEquals(inside ? src[r * cols + c] : -1f, dst[c * rows + r],
                            rows + "x" + cols + " block [" + r0 + "," + r1 + ")x[" + c0 + "," + c1 + ") at " + r + "," + c);
                }
            }
        }
    }
}
