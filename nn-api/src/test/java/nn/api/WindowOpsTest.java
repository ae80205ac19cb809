package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The reference window kernels on small hand-checked images. */
class WindowOpsTest {

    /** A 3x3 image of 1 channel read by 2x2 windows at stride 1 (overlapping): top-left offsets 0, 1, 3, 4. */
    private static final int[] OVERLAPPING = {0, 1, 3, 4, 1, 2, 4, 5, 3, 4, 6, 7, 4, 5, 7, 8};

    @Test
    void maxTakesTheLargestTapOfEachChannel() {
        // one sample of 2x2 pixels with 2 channels: channel 0 = 1, 5, 3, 2; channel 1 = -1, -5, -3, -2
        float[] x = {1, -1, 5, -5, 3, -3, 2, -2};
        int[] offsets = {0, 2, 4, 6};
        float[] y = new float[2];
        WindowOps.windowMax(x, 1, 8, offsets, 4, 2, y);
        assertArrayEquals(new float[] {5, -1}, y);
    }

    @Test
    void paddingIsNeverRead() {
        // a window of 3 taps, the middle one on padding: the maximum of -4 and -2
        float[] x = {-4, -2};
        float[] y = new float[1];
        WindowOps.windowMax(x, 1, 2, new int[] {0, -1, 1}, 3, 1, y);
        assertArrayEquals(new float[] {-2}, y, "padding counts as nothing, not as 0");
    }

    @Test
    void gradientGoesToTheFirstOfEqualMaxima() {
        // two samples of 2x2, 1 channel; the second has a tie between taps 1 and 3
        float[] x = {1, 7, 3, 2, 0, 4, 1, 4};
        int[] offsets = {0, 1, 2, 3};
        float[] y = new float[2];
        WindowOps.windowMax(x, 2, 4, offsets, 4, 1, y);
        assertArrayEquals(new float[] {7, 4}, y);
        float[] dx = {9, 9, 9, 9, 9, 9, 9, 9};
        WindowOps.windowMaxGradient(x, y, new float[] {10, 20}, 2, 4, offsets, 4, 1, dx);
        assertArrayEquals(new float[] {0, 10, 0, 0, 0, 20, 0, 0}, dx, "zeros elsewhere, the tie to the first tap");
    }

    @Test
    void overlappingWindowsAddTheirGradients() {
        // 3x3 image 1..9 except a 9 in the centre: every 2x2 window's maximum is the centre
        float[] x = {1, 2, 3, 4, 9, 6, 7, 8, 5};
        float[] y = new float[4];
        WindowOps.windowMax(x, 1, 9, OVERLAPPING, 4, 1, y);
        assertArrayEquals(new float[] {9, 9, 9, 9}, y);
        float[] dx = new float[9];
        WindowOps.windowMaxGradient(x, y, new float[] {1, 2, 3, 4}, 1, 9, OVERLAPPING, 4, 1, dx);
        assertArrayEquals(new float[] {0, 0, 0, 0, 10, 0, 0, 0, 0}, dx);
    }

    @Test
    void gatherLaysEachWindowOutAsARowWithZerosForPadding() {
        // two samples of 1x2 pixels, 2 channels; one window per sample of 3 taps: pixel 1, padding, pixel 0
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] offsets = {2, -1, 0};
        float[] cols = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        WindowOps.windowGather(x, 0, 2, 4, offsets, 3, 2, cols);
        assertArrayEquals(new float[] {3, 4, 0, 0, 1, 2, 7, 8, 0, 0, 5, 6, 9}, cols);
        WindowOps.windowGather(x, 1, 1, 4, offsets, 3, 2, cols);
        assertArrayEquals(new float[] {7, 8, 0, 0, 5, 6}, java.util.Arrays.copyOf(cols, 6), "from the second sample on");
    }

    @Test
    void scatterAddsEachRowBackWhereItsWindowRead() {
        // the overlapping 2x2 windows of a 3x3 image: the centre is in all four, the corners in one each
        float[] cols = new float[16];
        java.util.Arrays.fill(cols, 1);
        float[] dx = {5, 5, 5, 5, 5, 5, 5, 5, 5};
        WindowOps.windowScatter(cols, 1, 9, OVERLAPPING, 4, 1, dx);
        assertArrayEquals(new float[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, dx, "written whole, not added to");
    }

    @Test
    void argumentsThatDoNotDescribeWindowsAreRefused() {
        float[] x = new float[8];
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowMax(x, 1, 8, new int[] {0, 2, 4}, 2, 2, new float[2]),
                "offsets not a multiple of taps");
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowMax(x, 1, 8, new int[] {0, 7}, 2, 2, new float[2]),
                "a tap reading past the sample");
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowMax(x, 2, 8, new int[] {0, 2}, 2, 2, new float[4]),
                "x smaller than the batch");
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowMax(x, 1, 8, new int[] {0, 2}, 2, 2, new float[1]),
                "y smaller than the windows");
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowMaxGradient(x, new float[2], new float[2], 1, 8,
                new int[] {0, 2}, 2, 2, new float[7]), "dx smaller than the batch");
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowGather(x, 0, 1, 8, new int[] {0, 2}, 2, 2, new float[3]),
                "cols smaller than the windows");
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowGather(x, 1, 1, 8, new int[] {0, 2}, 2, 2, new float[4]),
                "samples past x");
        assertThrows(IllegalArgumentException.class, () -> WindowOps.windowScatter(new float[4], 2, 8, new int[] {0, 2}, 2, 2, x),
                "dx smaller than the batch");
    }
}
