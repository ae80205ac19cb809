package nn.kernels.vector;

import nn.api.WinogradTiles;

/**
 * The Winograd F(4x4, 3x3) passes of {@link nn.api.Kernels} for the samples [from, to) of a call,
 * with the results of {@link nn.api.WinogradOps} bit for bit: lanes are channels (or filters), and
 * each lane does the reference's additions in its order. Sample s of the call takes rows
 * s x tiles of the transformed matrices and floats s x bandFloats of the band. Arguments are
 * already checked.
 */
interface WinogradPasses {

    /** Tiles of samples first + s of x. */
    void input(float[] x, int first, int from, int to, WinogradTiles tiles, float[][] v, float[] band);

    /** Samples first + s of z. */
    void output(float[][] m, int first, int from, int to, WinogradTiles tiles, float[] z, float[] band);

    /** Samples first + s of dz. */
    void outputGradient(float[] dz, int first, int from, int to, WinogradTiles tiles, float[][] m, float[] band);

    /** Writes dx of samples first + s whole. */
    void inputGradient(float[][] dv, int first, int from, int to, WinogradTiles tiles, float[] dx, float[] band);
}
