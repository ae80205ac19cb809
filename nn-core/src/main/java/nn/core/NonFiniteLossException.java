package nn.core;

import nn.api.NnException;

/** Training stopped because the loss became NaN or infinite; carries the epochs completed before. */
public final class NonFiniteLossException extends NnException {
    private final transient History history;

    NonFiniteLossException(int epoch, int step, double loss, History history) {
        super("the loss became " + loss + " at epoch " + epoch + ", batch " + step
                + "; training stopped (try a smaller learning rate)");
        this.history = history;
    }

    /** The epochs completed before the loss went bad. */
    public History history() {
        return history;
    }
}
