package nn.app.parallel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nn.core.parallel.FrameReader;
import nn.core.parallel.FrameWriter;

/**
 * What every worker of a data-parallel run needs besides the round itself: how to build the model
 * and where its training data are. As bytes ({@link #encode}), the opaque setup of each
 * {@link nn.core.parallel.RoundRequest}:
 * <pre>
 * "NNWS" version:int
 * model:string      the model file (Keras JSON with its training_config), as nn writes it
 * kernels:string    the driver's kernels by name (e.g. vector): the same rounding everywhere
 * threads:int       each worker's kernel threads
 * data:string       the Fashion-MNIST folder, "" for the dataset's own search
 * limit:int         the first N training images, -1 for all
 * jars:int then (name:string, content:bytes) each   the jars of the run's plugins folder
 * </pre>
 * A worker reads the data itself: on a cluster the folder must be reachable by every executor.
 */
public record WorkerSetup(String modelJson, String kernels, int threads, Optional<String> dataDir, Optional<Integer> limit,
        Map<String, byte[]> jars) {
    private static final String MAGIC = "NNWS";
    private static final int VERSION = 1;

    public WorkerSetup {
        jars = Collections.unmodifiableMap(new LinkedHashMap<>(jars));
    }

    public byte[] encode() {
        FrameWriter out = new FrameWriter(MAGIC, VERSION, 4L * modelJson.length() + jars.values().stream().mapToLong(j -> j.length + 256L).sum() + 256);
        out.putString(modelJson).putString(kernels).putInt(threads).putString(dataDir.orElse("")).putInt(limit.orElse(-1));
        out.putInt(jars.size());
        jars.forEach((name, content) -> out.putString(name).putBytes(content));
        return out.toBytes();
    }

    public static WorkerSetup decode(byte[] bytes) {
        FrameReader in = new FrameReader(bytes, MAGIC, VERSION, "data-parallel worker setup");
        String model = in.getString();
        String kernels = in.getString();
        int threads = in.getInt();
        String data = in.getString();
        int limit = in.getInt();
        int count = in.getInt();
        Map<String, byte[]> jars = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            jars.put(in.getString(), in.getBytes());
        }
        in.end();
        return new WorkerSetup(model, kernels, threads, Optional.of(data).filter(d -> !d.isEmpty()),
                Optional.of(limit).filter(n -> n >= 0), jars);
    }
}
