package org.sanaq.run;

import java.io.IOException;

/**
 * The output folder may not be written: it is not a sanaq run folder, it is, contains or sits inside a file the job
 * reads, or another run holds its lock. Nothing was started ({@code sanaq run} exits 3). The message is one line
 * naming the path and the fix. An IOException, so that every caller that writes a run already handles it.
 */
public final class OutputRefused extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputRefused(String message) {
        super(message);
    }
}
