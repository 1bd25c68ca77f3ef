package org.sanaq.run;

import java.util.regex.Pattern;

/**
 * A job's name names its output folder ({@code ../reports/<job>} by default), so it must be one safe path segment:
 * never {@code .} or {@code ..} (the job's own folder or its parent, which a run would replace), never hidden or
 * taken for an option, and short enough for any file system.
 */
final class JobNames {
    static final int MAX_LENGTH = 100;
    static final String RULE = "cannot name the output folder: use letters, digits, '.', '_' and '-', start with a "
            + "letter, a digit or '_', and keep it to " + MAX_LENGTH + " characters";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private JobNames() {
    }

    /** Whether {@code name} is one safe path segment ({@code .} and {@code ..} start with a dot, so are not). */
    static boolean isSafe(String name) {
        return SAFE.matcher(name).matches();
    }
}
