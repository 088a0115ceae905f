package org.softmaxzoo.data;

/** A data file is missing, unreadable or malformed; the message names the file and the problem. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
