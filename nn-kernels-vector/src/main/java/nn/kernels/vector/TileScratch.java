package nn.kernels.vector;

/**
 * One thread's working space for {@link Product#compute}: a few vectors for the tiles at the right
 * edge, and the rows of x copied into groups of 8 for the widest tiles (grown on demand, then
 * reused, so a warm product allocates nothing).
 */
final class TileScratch {
    /** For the tiles at the right edge: 8 vectors. */
    final float[] edge;
    private float[] rows = new float[0];

    TileScratch(int lanes) {
        edge = new float[8 * lanes];
    }

    /** At least {@code size} floats for {@link PackedRows}, this thread's own. */
    float[] rows(int size) {
        if (rows.length < size) {
            rows = new float[size];
        }
        return rows;
    }
}
