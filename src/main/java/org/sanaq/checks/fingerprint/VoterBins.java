package org.sanaq.checks.fingerprint;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Voters per bin over a fixed number of bins (a histogram, or the cells of a 200 × 200 map), mergeable by adding.
 * Kept dense while folding and serialised by its non-empty bins only, as a map of 40,000 cells is mostly empty.
 * Every precinct folded has V &gt; 0, so a bin that holds a precinct holds voters: the non-empty bins are exactly
 * the groups a grouped sum over the precincts would give.
 */
final class VoterBins implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient long[] voters;

    VoterBins(int bins) {
        voters = new long[bins];
    }

    /** What is done with each non-empty bin. */
    interface Visitor {
        void visit(int bin, long voters);
    }

    void add(int bin, long v) {
        voters[bin] += v;
    }

    /** These bins with {@code other}'s added in. */
    VoterBins merge(VoterBins other) {
        for (int i = 0; i < voters.length; i++) {
            voters[i] += other.voters[i];
        }
        return this;
    }

    /** Visits the non-empty bins in bin order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < voters.length; i++) {
            if (voters[i] != 0) {
                visitor.visit(i, voters[i]);
            }
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(voters.length);
        int nonEmpty = 0;
        for (long v : voters) {
            nonEmpty += v != 0 ? 1 : 0;
        }
        out.writeInt(nonEmpty);
        for (int i = 0; i < voters.length; i++) {
            if (voters[i] != 0) {
                out.writeInt(i);
                out.writeLong(voters[i]);
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        voters = new long[in.readInt()];
        int nonEmpty = in.readInt();
        for (int n = 0; n < nonEmpty; n++) {
            voters[in.readInt()] = in.readLong();
        }
    }
}
