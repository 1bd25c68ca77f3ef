package org.sanaq.checks;

import java.io.Serializable;

/**
 * A sum over a group of protocols that is "not reported" (null) when any protocol of the group did not report
 * the value: a published total cannot be checked against a sum with a part missing. For fold summaries; mergeable.
 */
public final class ReportedTotal implements Serializable {
    private static final long serialVersionUID = 1L;
    private long sum;
    private boolean missing;

    /** Adds one protocol's value, null when it did not report it. */
    public void add(Long value) {
        if (value == null) {
            missing = true;
        } else {
            sum += value;
        }
    }

    /** This total, now also of the protocols of {@code other}. */
    public ReportedTotal merge(ReportedTotal other) {
        sum += other.sum;
        missing |= other.missing;
        return this;
    }

    /** The sum, or null when a protocol did not report the value. */
    public Long value() {
        return missing ? null : sum;
    }
}
