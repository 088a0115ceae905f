package org.softmaxzoo.train;

/** Another process (or thread) holds the run folder's {@link RunLock}: a second trainer stops before touching it. */
public final class RunInUseException extends IllegalStateException {
    public RunInUseException(String message) {
        super(message);
    }
}
