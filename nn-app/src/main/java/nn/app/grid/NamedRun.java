package nn.app.grid;

import nn.app.run.RunConfig;

/**
 * One run of a comparison or a grid: the name it is shown by (e.g. {@code bn-before, seed 1}), its
 * settings, and whether it goes on from the last checkpoint in its folder ({@code --resume}).
 */
public record NamedRun(String name, RunConfig config, boolean fromCheckpoint) {

    /** A run trained from its start. */
    public NamedRun(String name, RunConfig config) {
        this(name, config, false);
    }
}
