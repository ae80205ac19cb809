package nn.api;

/**
 * An error a user can act on: its message names the input (a layer, a file, a config key) and
 * what is wrong with it. Launchers print the message alone, without a stack trace.
 */
public class NnException extends RuntimeException {

    public NnException(String message) {
        super(message);
    }

    public NnException(String message, Throwable cause) {
        super(message, cause);
    }
}
