package nn.app;

import nn.api.NnException;

/**
 * A command-line option whose value is out of range: exit code 2, as for any bad command line. The
 * same check on a value read from a file (a checkpoint's saved run) names the file instead, by
 * {@link #key()}.
 */
public final class BadOption extends NnException {
    private final String option;
    private final String problem;

    /** @param option e.g. {@code --batch-size}; @param problem e.g. {@code must be a positive number, got 0} */
    public BadOption(String option, String problem) {
        super(option + " " + problem);
        this.option = option;
        this.problem = problem;
    }

    String option() {
        return option;
    }

    /** The option's key in run.json and a checkpoint's state: {@code --batch-size} is {@code batch_size}. */
    public String key() {
        return option.substring(2).replace('-', '_');
    }

    /** What is wrong with the value, without the option's name. */
    public String problem() {
        return problem;
    }
}
