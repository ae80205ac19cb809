package nn.app.grid;

import nn.app.run.RunConfig;

/** One run of a comparison or a grid: the name it is shown by (e.g. {@code bn-before, seed 1}) and its settings. */
public record NamedRun(String name, RunConfig config) {
}
