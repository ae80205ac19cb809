package nn.kernels.vector;

/**
 * Where the output is cut between threads. Any cut gives the same bits (each element is computed
 * whole by one thread, always the same way); the cuts only keep the tiles full: columns at
 * multiples of the tile width, rows at multiples of 4.
 */
final class Partition {

    private Partition() {
    }

    /** Start of part {@code t} of {@code parts} over {@code size}, a multiple of {@code unit} (or size). */
    static int start(int t, int parts, int size, int unit) {
        if (t >= parts) {
            return size;
        }
        long even = (long) size * t / parts;
        long rounded = (even + unit / 2) / unit * unit;
        return (int) Math.min(rounded, size);
    }
}
