package org.softmaxzoo.heads.spec;

/** A head spec or experiment name that cannot be understood; the message says what is accepted. */
public final class SpecException extends IllegalArgumentException {
    public SpecException(String message) {
        super(message);
    }
}
