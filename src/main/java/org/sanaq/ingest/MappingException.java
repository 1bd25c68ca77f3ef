package org.sanaq.ingest;

/** A mapping file that cannot be used, or a file header it does not fit. The message names the file and the key. */
public final class MappingException extends Exception {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }
}
