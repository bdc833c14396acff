package org.dixian.platform.outbox;

/** Thrown (or failed with) by a handler when retrying a message cannot help: the relay gives it up at once. */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
