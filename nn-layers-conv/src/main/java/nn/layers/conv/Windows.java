package nn.layers.conv;

import nn.api.NnException;
import nn.api.Shape;

/**
 * Where a 2D window (a convolution's kernel, a pool) reads a channels_last sample of shape
 * (h, w, c): for each output position and tap (kernel row, kernel column), the offset in the sample
 * of the tap's c channels, or -1 where the tap falls on padding. Convolutions and pools walk this
 * table, so Keras's output sizes and padding rules live in one place ({@link Padding}).
 */
final class Windows {
    final int height;
    final int width;
    final int channels;
    final int outHeight;
    final int outWidth;
    /** Taps a window has: kernel height times kernel width. */
    final int taps;
    /** {@code offsets[position * taps + tap]}, position = row * outWidth + column. */
    final int[] offsets;

    Windows(String layer, Shape input, int[] window, int[] strides, int[] dilation, Padding padding) {
        if (input.rank() != 3) {
            throw new NnException("layer " + layer + " needs inputs of shape (height, width, channels), got " + input
                    + ": put a Reshape before it, e.g. Reshape((28, 28, 1))");
        }
        height = input.dim(0);
        width = input.dim(1);
        channels = input.dim(2);
        int spanH = (window[0] - 1) * dilation[0] + 1;
        int spanW = (window[1] - 1) * dilation[1] + 1;
        outHeight = padding.outputs(height, spanH, strides[0]);
        outWidth = padding.outputs(width, spanW, strides[1]);
        if (outHeight == 0 || outWidth == 0) {
            throw new NnException("layer " + layer + ": a window of " + spanH + "x" + spanW + " does not fit inputs of shape "
                    + input + " with padding \"valid\"");
        }
        taps = window[0] * window[1];
        offsets = new int[outHeight * outWidth * taps];
        int top = padding.before(height, spanH, strides[0]);
        int left = padding.before(width, spanW, strides[1]);
        int i = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int ky = 0; ky < window[0]; ky++) {
                    for (int kx = 0; kx < window[1]; kx++) {
                        int y = oy * strides[0] - top + ky * dilation[0];
                        int x = ox * strides[1] - left + kx * dilation[1];
                        boolean inside = y >= 0 && y < height && x >= 0 && x < width;
                        offsets[i++] = inside ? (y * width + x) * channels : -1;
                    }
                }
            }
        }
    }

    /** How many taps of the window whose first tap is {@code firstTap} lie inside the input (not on padding). */
    int inside(int firstTap) {
        int n = 0;
        for (int t = firstTap; t < firstTap + taps; t++) {
            n += offsets[t] >= 0 ? 1 : 0;
        }
        return n;
    }

    int positions() {
        return outHeight * outWidth;
    }

    Shape outputShape(int outChannels) {
        return Shape.of(outHeight, outWidth, outChannels);
    }
}
