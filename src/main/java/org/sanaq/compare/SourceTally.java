package org.sanaq.compare;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pairs of one observer source (and whether it is a lower bound): how many matched, were identical, differed
 * (and of those, on readings of low confidence); per count field, the pairs that compare it, differ on it, and the
 * sum of official minus observer; and per candidate, the tallies of the pairs that report the candidate on both sides.
 */
public final class SourceTally implements Serializable {
    private static final long serialVersionUID = 1L;
    private long pairs;
    private long identical;
    private long differing;
    private long differingLowConfidence;
    private final long[] compared = new long[ProtocolPairs.COUNT_FIELDS.size()];
    private final long[] differingOn = new long[ProtocolPairs.COUNT_FIELDS.size()];
    private final long[] difference = new long[ProtocolPairs.COUNT_FIELDS.size()];
    private final Map<String, CandidateTally> candidates = new TreeMap<>();

    /** One candidate over the pairs of a source: official and observer totals, and which side is higher how often. */
    public static final class CandidateTally implements Serializable {
        private static final long serialVersionUID = 1L;
        private long pairs;
        private long officialTotal;
        private long observerTotal;
        private long gained;
        private long lost;
        private long gainedConfident;
        private long lostConfident;

        void add(long official, long observer, boolean confident) {
            pairs++;
            officialTotal += official;
            observerTotal += observer;
            if (official > observer) {
                gained++;
                gainedConfident += confident ? 1 : 0;
            } else if (official < observer) {
                lost++;
                lostConfident += confident ? 1 : 0;
            }
        }

        CandidateTally merge(CandidateTally other) {
            pairs += other.pairs;
            officialTotal += other.officialTotal;
            observerTotal += other.observerTotal;
            gained += other.gained;
            lost += other.lost;
            gainedConfident += other.gainedConfident;
            lostConfident += other.lostConfident;
            return this;
        }

        public long pairs() {
            return pairs;
        }

        public long officialTotal() {
            return officialTotal;
        }

        public long observerTotal() {
            return observerTotal;
        }

        /** Pairs in which the official figure is higher than the observer's. */
        public long gained() {
            return gained;
        }

        /** Pairs in which the official figure is lower than the observer's. */
        public long lost() {
            return lost;
        }

        public long gainedConfident() {
            return gainedConfident;
        }

        public long lostConfident() {
            return lostConfident;
        }
    }

    void add(PairRow pair) {
        pairs++;
        if (!pair.differing()) {
            identical++;
        } else {
            differing++;
            differingLowConfidence += pair.confident() ? 0 : 1;
        }
        for (int f = 0; f < compared.length; f++) {
            Long o = pair.official(f);
            Long c = pair.copy(f);
            if (o != null && c != null) {
                compared[f]++;
                differingOn[f] += o.equals(c) ? 0 : 1;
                difference[f] += o - c;
            }
        }
        Map<String, Long> copy = pair.copyVotes();
        pair.officialVotes().forEach((candidate, official) -> {
            Long observer = copy.get(candidate);
            if (official != null && observer != null) {
                candidates.computeIfAbsent(candidate, k -> new CandidateTally()).add(official, observer,
                        pair.confident());
            }
        });
    }

    SourceTally merge(SourceTally other) {
        pairs += other.pairs;
        identical += other.identical;
        differing += other.differing;
        differingLowConfidence += other.differingLowConfidence;
        for (int f = 0; f < compared.length; f++) {
            compared[f] += other.compared[f];
            differingOn[f] += other.differingOn[f];
            difference[f] += other.difference[f];
        }
        other.candidates.forEach((c, t) -> candidates.merge(c, t, CandidateTally::merge));
        return this;
    }

    public long pairs() {
        return pairs;
    }

    public long identical() {
        return identical;
    }

    public long differing() {
        return differing;
    }

    /** Differing pairs whose copy was read with low confidence: possible misreadings. */
    public long differingLowConfidence() {
        return differingLowConfidence;
    }

    /** Pairs that give the field (by index in {@link ProtocolPairs#COUNT_FIELDS}) on both sides. */
    public long compared(int field) {
        return compared[field];
    }

    public long differingOn(int field) {
        return differingOn[field];
    }

    /** Official minus observer, summed over the pairs that compare the field. */
    public long difference(int field) {
        return difference[field];
    }

    /** Each candidate reported on both sides of some pair, by name. */
    public Map<String, CandidateTally> candidates() {
        return Collections.unmodifiableMap(candidates);
    }
}
