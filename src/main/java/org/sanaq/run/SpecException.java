package org.sanaq.run;

/** A job spec that cannot run. The message names the file and the field ({@code inputs[1].mapping}). */
public final class SpecException extends Exception {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }
}
