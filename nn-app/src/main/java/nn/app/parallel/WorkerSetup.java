package nn.app.parallel;

import java.util.ArrayList;
import java.util.List;
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
 * jars:int then (name:string, content:bytes) each   the run's plugin jars
 * </pre>
 * A worker reads the data itself: on a cluster the folder must be reachable by every executor.
 */
public record WorkerSetup(String modelJson, String kernels, int threads, Optional<String> dataDir, Optional<Integer> limit,
        List<ShippedJar> jars) {
    private static final String MAGIC = "NNWS";
    private static final int VERSION = 1;

    public WorkerSetup {
        jars = List.copyOf(jars);
    }

    public byte[] encode() {
        FrameWriter out = new FrameWriter(MAGIC, VERSION, modelJson.length() + jars.stream().mapToInt(j -> j.content().length + 256).sum() + 256);
        out.putString(modelJson).putString(kernels).putInt(threads).putString(dataDir.orElse("")).putInt(limit.orElse(-1));
        out.putInt(jars.size());
        jars.forEach(jar -> out.putString(jar.name()).putBytes(jar.content()));
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
        List<ShippedJar> jars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jars.add(new ShippedJar(in.getString(), in.getBytes()));
        }
        in.end();
        return new WorkerSetup(model, kernels, threads, Optional.of(data).filter(d -> !d.isEmpty()),
                Optional.of(limit).filter(n -> n >= 0), jars);
    }
}
