package nn.io.tfjs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nn.api.IoProblem;
import nn.api.NnException;
import nn.io.SavedTensor;
import nn.io.json.JsonCursor;

/**
 * The weights a layers-model's manifest lists: groups of weight specs ({@code name}, {@code shape},
 * {@code dtype}) whose values are the group's files ({@code paths}, shards) read one after another.
 * Every file must lie in the model's folder and the shards must hold exactly the bytes the specs
 * describe, checked from the file sizes before anything is read. Weights of tfjs's optimizer
 * ({@code "group": "optimizer"}) are skipped.
 */
record WeightsManifest(List<SavedTensor> tensors) {

    static WeightsManifest read(JsonCursor manifest, Path folder) {
        List<SavedTensor> tensors = new ArrayList<>();
        for (JsonCursor group : manifest.elements()) {
            group.requireObject();
            List<Path> shards = shards(group.get("paths"), folder);
            List<JsonCursor> specs = group.get("weights").elements();
            long needed = 0;
            for (JsonCursor spec : specs) {
                needed += 4 * elements(spec, Long.MAX_VALUE / 8);
            }
            long available = 0;
            for (Path shard : shards) {
                available += size(shard);
            }
            if (available != needed) {
                throw group.get("paths").error("the weight files hold " + available + " bytes, but the weights listed"
                        + " need " + needed + " (4 bytes a float32 value)");
            }
            read(shards, specs, tensors);
        }
        return new WeightsManifest(tensors);
    }

    private static void read(List<Path> shards, List<JsonCursor> specs, List<SavedTensor> tensors) {
        try (InputStream in = new ShardStream(shards)) {
            for (JsonCursor spec : specs) {
                int count = (int) elements(spec, Integer.MAX_VALUE);
                byte[] bytes = in.readNBytes(4 * count);
                float[] values = new float[count];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                if (isOptimizers(spec)) {
                    continue;
                }
                String name = spec.string("name");
                tensors.add(new SavedTensor(TfjsNames.layerOf(name), TfjsNames.withSuffix(name), shape(spec), values,
                        spec.where()));
            }
        } catch (IOException e) {
            throw new NnException(shards.get(0) + ": cannot read: " + IoProblem.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new NnException(shards.get(0) + ": cannot read: " + IoProblem.describe(e.getCause()), e);
        }
    }

    private static boolean isOptimizers(JsonCursor spec) {
        return spec.has("group") && "optimizer".equals(spec.get("group").node().asText());
    }

    /**
     * The spec's element count, checking its dtype and shape; at most {@code max}. Layers' weights
     * must be float32; the optimizer's, which are skipped, may also be int32 (its step counter).
     */
    private static long elements(JsonCursor spec, long max) {
        spec.requireObject();
        String dtype = spec.has("dtype") ? spec.string("dtype") : "float32";
        if (!dtype.equals("float32") && !(dtype.equals("int32") && isOptimizers(spec))) {
            throw spec.get("dtype").error("'" + spec.string("name") + "' is " + dtype + "; nn reads float32 weights");
        }
        if (spec.has("quantization")) {
            throw spec.get("quantization").error("'" + spec.string("name") + "' is quantized; nn reads plain float32 weights");
        }
        long n = 1;
        for (int d : shape(spec)) {
            n *= d;
            if (n > max) {
                throw spec.get("shape").error("'" + spec.string("name") + "' has more values than any weight file could hold");
            }
        }
        return n;
    }

    private static List<Integer> shape(JsonCursor spec) {
        List<Integer> dims = new ArrayList<>();
        for (JsonCursor d : spec.get("shape").elements()) {
            if (!d.node().isIntegralNumber() || !d.node().canConvertToInt() || d.node().intValue() < 0) {
                throw spec.get("shape").error("must be a list of whole numbers >= 0, got " + spec.get("shape").shown());
            }
            dims.add(d.node().intValue());
        }
        return dims;
    }

    private static List<Path> shards(JsonCursor paths, Path folder) {
        List<Path> shards = new ArrayList<>();
        for (JsonCursor p : paths.elements()) {
            String name = p.requireString();
            Path shard = folder.resolve(name).normalize();
            if (Path.of(name).isAbsolute() || !shard.startsWith(folder.normalize())) {
                throw p.error("'" + name + "' is outside the model's folder");
            }
            shards.add(shard);
        }
        if (shards.isEmpty()) {
            throw paths.error("lists no weight files");
        }
        return shards;
    }

    private static long size(Path shard) {
        try {
            return Files.size(shard);
        } catch (IOException e) {
            throw new NnException(shard + ": missing or unreadable weight file (" + IoProblem.describe(e) + ")", e);
        }
    }
}
