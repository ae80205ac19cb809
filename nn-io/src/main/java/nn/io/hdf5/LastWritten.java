package nn.io.hdf5;

import io.jhdf.api.WritableGroup;
import java.util.Set;

/**
 * Works around a jhdf 0.13.0 bug: the file ends where the last dataset's data ends, so when the last
 * object written is a group without children (a Keras layer without weights), its header is cut off
 * and the file cannot be read (measured: jhdf and h5py both fail). jhdf writes a group's children in
 * the iteration order of a {@code ConcurrentHashMap} (bucket by hash, then insertion), depth first; a
 * one-value dataset whose name falls in the root's last bucket, added last, is written last.
 * Keras's readers ignore it, as they ignore jhdf's own {@code _jHDF} attribute.
 */
final class LastWritten {
    static final String PREFIX = "_nn_end";
    /** A ConcurrentHashMap's first table: 16 buckets, until more than 12 keys. */
    private static final int BUCKETS = 16;
    private static final int MAX_KEYS = 12;

    private LastWritten() {
    }

    static void endWithDataset(WritableGroup root) {
        Set<String> keys = root.getChildren().keySet();
        if (keys.size() >= MAX_KEYS) {
            throw new IllegalStateException("the HDF5 root holds " + keys.size() + " objects; at most " + (MAX_KEYS - 1));
        }
        int last = keys.stream().mapToInt(LastWritten::bucket).max().orElse(0);
        for (int i = 0;; i++) {
            String name = PREFIX + i;
            if (bucket(name) >= last && !keys.contains(name)) {
                root.putDataset(name, new byte[] {0});
                return;
            }
        }
    }

    /** ConcurrentHashMap's bucket of a key (its {@code spread} of the hash, masked to the table). */
    static int bucket(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & 0x7fffffff & (BUCKETS - 1);
    }
}
