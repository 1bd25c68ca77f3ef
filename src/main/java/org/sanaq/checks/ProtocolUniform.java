package org.sanaq.checks;

import java.util.SplittableRandom;

/**
 * One protocol's own uniform draw for one purpose: what a check draws per precinct (the dip's jitter, a random
 * group of a placebo) comes from a stream seeded by the run's seed, the content key of the precinct's file
 * ({@link ContentKeys}), its line and a subject naming the purpose, so that it depends on the data only: never on
 * how Spark partitions the rows, nor on where the file lies or what it is called.
 */
public final class ProtocolUniform {
    private ProtocolUniform() {
    }

    /** The uniform in [0, 1) of the protocol at this file key and line, for this subject. */
    public static double of(long seed, long file, long line, String subject) {
        return new SplittableRandom(seed ^ (31L * file + 0x9E3779B97F4A7C15L * line)
                ^ (0xC2B2AE3D27D4EB4FL * subject.hashCode())).nextDouble();
    }
}
