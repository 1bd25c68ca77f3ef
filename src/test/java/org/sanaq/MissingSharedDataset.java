package org.sanaq;

import org.opentest4j.TestAbortedException;

/** Skips a test whose shared dataset is absent; {@link SharedDatasetSummary} counts these skips by dataset. */
public final class MissingSharedDataset extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    private final String dataset;

    MissingSharedDataset(String dataset, String message) {
        super(message);
        this.dataset = dataset;
    }

    /** The dataset's folder name under datasets/, e.g. {@code ru-cec}. */
    public String dataset() {
        return dataset;
    }
}
