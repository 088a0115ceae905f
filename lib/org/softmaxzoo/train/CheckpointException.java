package org.softmaxzoo.train;

/** A checkpoint that cannot be used (missing, damaged, inconsistent); the message names the file and the fix. */
public final class CheckpointException extends IllegalStateException {
    public CheckpointException(String message) {
        super(message);
    }
}
