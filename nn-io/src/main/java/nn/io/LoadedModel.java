package nn.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nn.core.Sequential;

/**
 * What {@link ModelArchive#load} gives back: the model, built and compiled, with its weights and
 * optimizer state restored; the definition it was built from; and the saved state (the epoch
 * counter and whatever else the caller stored).
 */
public record LoadedModel(Sequential model, ModelDefinition definition, Map<String, Object> state) {

    public LoadedModel {
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }

    /** The {@code epoch} saved in the state, or 0 if there is none. */
    public int epoch() {
        return state.get(ModelArchive.EPOCH) instanceof Number n ? n.intValue() : 0;
    }
}
