package org.sanaq.compare;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pairs of one second source (and whether it is a lower bound): how many matched, were identical, differed
 * (and of those, on readings of low confidence), held reading errors (by pattern); per count field and per further
 * protocol line, the pairs that compare it, differ on it, and the sum of official minus copy; and per candidate, the
 * tallies of the pairs that report the candidate on both sides and hold no reading error.
 */
public final class SourceTally implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The smallest excess of a lower-bound count over the official one that counts as exceeding it. */
    private final long minExcess;
    private long pairs;
    private long identical;
    private long differing;
    private long differingLowConfidence;
    private long checkedForReadingErrors;
    private long withReadingErrors;
    private final long[] byPattern = new long[ReadingErrors.Pattern.values().length];
    private final Map<String, long[]> lines = new TreeMap<>();
    /** The figures some copy gives a reading confidence of its own for; a handful of names. */
    private final TreeSet<String> confidenceGivenFor = new TreeSet<>();
    private boolean wholeProtocolConfidence;
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
        private long exceeding;
        private long excessTotal;

        void add(long official, long observer, boolean confident, long minExcess) {
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
            if (observer - official >= minExcess) {
                exceeding++;
                excessTotal += observer - official;
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
            exceeding += other.exceeding;
            excessTotal += other.excessTotal;
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

        /** Pairs in which the copy exceeds the official figure by the smallest excess that counts, or more. */
        public long exceeding() {
            return exceeding;
        }

        /** The copy's excess over the official figure, summed over the {@link #exceeding} pairs. */
        public long excessTotal() {
            return excessTotal;
        }
    }

    /** A tally for a source whose counts exceed the official ones from {@code minExcess} votes on. */
    SourceTally(long minExcess) {
        this.minExcess = minExcess;
    }

    void add(PairRow pair) {
        pairs++;
        if (!pair.differing()) {
            identical++;
        } else {
            differing++;
            differingLowConfidence += pair.confident() ? 0 : 1;
        }
        checkedForReadingErrors += pair.checkReadings() ? 1 : 0;
        confidenceGivenFor.addAll(pair.copyConfidence().keySet());
        wholeProtocolConfidence |= pair.readingConfidence() != null;
        ReadingErrors.Found errors = pair.readingErrors();
        if (errors != null) {
            withReadingErrors++;
            errors.patterns().forEach(p -> byPattern[p.ordinal()]++);
        }
        Map<String, Long> copyLines = pair.copyLines();
        pair.officialLines().forEach((line, o) -> {
            Long c = copyLines.get(line);
            if (o != null && c != null) {
                long[] t = lines.computeIfAbsent(line, k -> new long[3]);
                t[0]++;
                t[1] += o.equals(c) ? 0 : 1;
                t[2] += o - c;
            }
        });
        for (int f = 0; f < compared.length; f++) {
            Long o = pair.official(f);
            Long c = pair.copy(f);
            if (o != null && c != null) {
                compared[f]++;
                differingOn[f] += o.equals(c) ? 0 : 1;
                difference[f] += o - c;
            }
        }
        if (errors != null) {
            return; // a misread pair says nothing about bias: the candidates' tallies and sign tests leave it out
        }
        Map<String, Long> copy = pair.copyVotes();
        pair.officialVotes().forEach((candidate, official) -> {
            Long observer = copy.get(candidate);
            if (official != null && observer != null) {
                candidates.computeIfAbsent(candidate, k -> new CandidateTally()).add(official, observer,
                        pair.confident(), minExcess);
            }
        });
    }

    SourceTally merge(SourceTally other) {
        pairs += other.pairs;
        identical += other.identical;
        differing += other.differing;
        differingLowConfidence += other.differingLowConfidence;
        checkedForReadingErrors += other.checkedForReadingErrors;
        confidenceGivenFor.addAll(other.confidenceGivenFor);
        wholeProtocolConfidence |= other.wholeProtocolConfidence;
        withReadingErrors += other.withReadingErrors;
        for (int p = 0; p < byPattern.length; p++) {
            byPattern[p] += other.byPattern[p];
        }
        other.lines.forEach((line, t) -> {
            long[] sum = lines.computeIfAbsent(line, k -> new long[3]);
            for (int i = 0; i < t.length; i++) {
                sum[i] += t[i];
            }
        });
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

    /** The figures some copy gives a reading confidence of their own for, in name order. */
    public Set<String> confidenceGivenFor() {
        return Collections.unmodifiableSet(confidenceGivenFor);
    }

    /** Whether some copy gives a reading confidence of the whole protocol ({@code reading_confidence}). */
    public boolean wholeProtocolConfidence() {
        return wholeProtocolConfidence;
    }

    /** Pairs whose copy is a reading of a photo, checked for reading errors. */
    public long checkedForReadingErrors() {
        return checkedForReadingErrors;
    }

    /** Pairs whose copy holds a reading error (left out of the candidates' tallies). */
    public long withReadingErrors() {
        return withReadingErrors;
    }

    /** Pairs whose copy holds a reading error of the pattern (a pair may hold several patterns). */
    public long withReadingError(ReadingErrors.Pattern pattern) {
        return byPattern[pattern.ordinal()];
    }

    /** One further protocol line over the pairs: how many compare it, differ on it, and official minus copy. */
    public record LineTally(long compared, long differing, long difference) {
    }

    /** Per further protocol line given on both sides of some pair, by name. */
    public Map<String, LineTally> lines() {
        Map<String, LineTally> out = new TreeMap<>();
        lines.forEach((line, t) -> out.put(line, new LineTally(t[0], t[1], t[2])));
        return out;
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
