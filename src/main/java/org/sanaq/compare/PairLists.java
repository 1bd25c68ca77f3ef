package org.sanaq.compare;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The capped lists of the comparison, each in a fixed order (nulls first, text by code point as Spark sorts it):
 * the largest discrepancies of full-count pairs (largest first), copies that match no official protocol, precincts
 * whose copies disagree, the (official, observer) points of the scatter (largest difference first), claims, copies
 * with reading errors, and the counts of lower-bound sources above the official ones.
 */
public final class PairLists implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Comparator<String> TEXT = Comparator.nullsFirst((a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    });
    private static final Comparator<Long> NUMBER = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Double> FRACTION = Comparator.nullsFirst(Comparator.naturalOrder());

    private final Capped<Discrepancy> largest;
    private final Capped<UnmatchedCopy> unmatched;
    private final Capped<CopyConflict> conflicts;
    private final Capped<Point> points;
    private final Capped<Claim> claims;
    private final Capped<Misreading> misreadings;
    private final Capped<Excess> excesses;
    private final long minExcess;

    /**
     * How many items each list keeps: the {@code largest} discrepancies, {@code scatterPoints} points,
     * {@code excesses} counts of a lower-bound source above the official ones (from {@code minExcess} votes on),
     * and {@code listCap} of the others.
     */
    public record Caps(int largest, int listCap, int scatterPoints, int excesses, long minExcess)
            implements Serializable {
    }

    PairLists(Caps caps) {
        this.largest = new Capped<>(caps.largest());
        this.unmatched = new Capped<>(caps.listCap());
        this.conflicts = new Capped<>(caps.listCap());
        this.points = new Capped<>(caps.scatterPoints());
        this.claims = new Capped<>(caps.listCap());
        this.misreadings = new Capped<>(caps.listCap());
        this.excesses = new Capped<>(caps.excesses());
        this.minExcess = caps.minExcess();
    }

    /** A pair that differs: largest total absolute difference first, then by official and copy id. */
    public record Discrepancy(String copySource, String region, String district, String precinct, String documentRef,
            Double readingConfidence, boolean confident, long absDifference, String differences, String officialId,
            String copyId) implements Comparable<Discrepancy>, Serializable {
        private static final Comparator<Discrepancy> ORDER = Comparator
                .comparingLong(Discrepancy::absDifference).reversed()
                .thenComparing(Discrepancy::officialId, TEXT).thenComparing(Discrepancy::copyId, TEXT);

        @Override
        public int compareTo(Discrepancy other) {
            return ORDER.compare(this, other);
        }
    }

    /** A copy that matches no official protocol: by source, region, district, precinct, file line. */
    public record UnmatchedCopy(String source, String level, String region, String district, String precinct,
            String documentRef, String file, long line) implements Comparable<UnmatchedCopy>, Serializable {
        private static final Comparator<UnmatchedCopy> ORDER = Comparator
                .comparing(UnmatchedCopy::source, TEXT).thenComparing(UnmatchedCopy::region, TEXT)
                .thenComparing(UnmatchedCopy::district, TEXT).thenComparing(UnmatchedCopy::precinct, TEXT)
                .thenComparingLong(UnmatchedCopy::line).thenComparing(UnmatchedCopy::file, TEXT)
                .thenComparing(UnmatchedCopy::level, TEXT).thenComparing(UnmatchedCopy::documentRef, TEXT);

        @Override
        public int compareTo(UnmatchedCopy other) {
            return ORDER.compare(this, other);
        }
    }

    /** A precinct whose copies disagree: by region, district, precinct. */
    public record CopyConflict(String region, String district, String precinct, long copies, long readings,
            String sources, String documents) implements Comparable<CopyConflict>, Serializable {
        private static final Comparator<CopyConflict> ORDER = Comparator
                .comparing(CopyConflict::region, TEXT).thenComparing(CopyConflict::district, TEXT)
                .thenComparing(CopyConflict::precinct, TEXT).thenComparing(CopyConflict::sources, TEXT)
                .thenComparing(CopyConflict::documents, TEXT).thenComparingLong(CopyConflict::copies)
                .thenComparingLong(CopyConflict::readings);

        @Override
        public int compareTo(CopyConflict other) {
            return ORDER.compare(this, other);
        }
    }

    /** A candidate's official and observer votes in a pair: largest difference first, then official id, candidate. */
    public record Point(String candidate, long official, long observer, String officialId, String copyId)
            implements Comparable<Point>, Serializable {
        private static final Comparator<Point> ORDER = Comparator
                .comparingLong((Point p) -> Math.abs(p.official() - p.observer())).reversed()
                .thenComparing(Point::officialId, TEXT).thenComparing(Point::candidate, TEXT)
                .thenComparing(Point::copyId, TEXT);

        @Override
        public int compareTo(Point other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * A claimant's votes for a candidate in a unit, beside the official votes of the unit's protocol (null when
     * there is none): by region, district, claimant source, candidate.
     */
    public record Claim(String region, String district, String copySource, String documentRef, String candidate,
            long claimed, Long official, String copyId) implements Comparable<Claim>, Serializable {
        private static final Comparator<Claim> ORDER = Comparator
                .comparing(Claim::region, TEXT).thenComparing(Claim::district, TEXT)
                .thenComparing(Claim::copySource, TEXT).thenComparing(Claim::candidate, TEXT)
                .thenComparing(Claim::copyId, TEXT).thenComparing(Claim::official, NUMBER);

        @Override
        public int compareTo(Claim other) {
            return ORDER.compare(this, other);
        }
    }

    /** A copy read with reading errors: by source, region, district, precinct, copy id. */
    public record Misreading(String copySource, String region, String district, String precinct, String documentRef,
            String patterns, String evidence, String copyId) implements Comparable<Misreading>, Serializable {
        private static final Comparator<Misreading> ORDER = Comparator
                .comparing(Misreading::copySource, TEXT).thenComparing(Misreading::region, TEXT)
                .thenComparing(Misreading::district, TEXT).thenComparing(Misreading::precinct, TEXT)
                .thenComparing(Misreading::copyId, TEXT);

        @Override
        public int compareTo(Misreading other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * A lower-bound count above the official one, per station and candidate: largest excess first, then by
     * source, region, district, precinct, candidate.
     */
    public record Excess(String copySource, String region, String district, String precinct, String documentRef,
            String candidate, long official, long counted, String copyId)
            implements Comparable<Excess>, Serializable {
        private static final Comparator<Excess> ORDER = Comparator
                .comparingLong((Excess e) -> e.counted() - e.official()).reversed()
                .thenComparing(Excess::copySource, TEXT).thenComparing(Excess::region, TEXT)
                .thenComparing(Excess::district, TEXT).thenComparing(Excess::precinct, TEXT)
                .thenComparing(Excess::candidate, TEXT).thenComparing(Excess::copyId, TEXT);

        @Override
        public int compareTo(Excess other) {
            return ORDER.compare(this, other);
        }
    }

    /** Adds a row of the pairs table to the lists it belongs to. */
    void add(PairRow row) {
        ReadingErrors.Found errors = row.readingErrors();
        if (errors != null) {
            misreadings.add(new Misreading(row.copySource(), row.region(), row.district(), row.precinct(),
                    row.documentRef(), errors.patterns().stream().map(ReadingErrors.Pattern::id)
                            .collect(Collectors.joining(", ")), errors.evidence(), row.copyId()));
        }
        if (row.isPair() && row.lowerBound()) {
            Map<String, Long> counted = row.copyVotes();
            row.officialVotes().forEach((candidate, official) -> {
                Long count = counted.get(candidate);
                if (official != null && count != null && count - official >= minExcess) {
                    excesses.add(new Excess(row.copySource(), row.region(), row.district(), row.precinct(),
                            row.documentRef(), candidate, official, count, row.copyId()));
                }
            });
        } else if (row.isPair()) {
            if (row.differing()) {
                largest.add(new Discrepancy(row.copySource(), row.region(), row.district(), row.precinct(),
                        row.documentRef(), row.readingConfidence(), row.confident(), row.absDifference(),
                        row.differences(), row.officialId(), row.copyId()));
            }
            Map<String, Long> copy = row.copyVotes();
            row.officialVotes().forEach((candidate, official) -> {
                Long observer = copy.get(candidate);
                if (official != null && observer != null) {
                    points.add(new Point(candidate, official, observer, row.officialId(), row.copyId()));
                }
            });
        } else if (row.isUnmatched()) {
            unmatched.add(new UnmatchedCopy(row.copySource(), row.level(), row.region(), row.district(),
                    row.precinct(), row.documentRef(), row.file(), row.line()));
        } else if (row.isConflict()) {
            conflicts.add(new CopyConflict(row.region(), row.district(), row.precinct(), row.copies(),
                    row.readings(), row.sources(), row.documents()));
        } else if (row.isClaim()) {
            Map<String, Long> official = row.officialVotes();
            row.copyVotes().forEach((candidate, claimed) -> {
                if (claimed != null) {
                    claims.add(new Claim(row.region(), row.district(), row.copySource(), row.documentRef(),
                            candidate, claimed, official.get(candidate), row.copyId()));
                }
            });
        }
    }

    PairLists merge(PairLists other) {
        largest.merge(other.largest);
        unmatched.merge(other.unmatched);
        conflicts.merge(other.conflicts);
        points.merge(other.points);
        claims.merge(other.claims);
        misreadings.merge(other.misreadings);
        excesses.merge(other.excesses);
        return this;
    }

    public Capped<Discrepancy> largest() {
        return largest;
    }

    public Capped<UnmatchedCopy> unmatched() {
        return unmatched;
    }

    public Capped<CopyConflict> conflicts() {
        return conflicts;
    }

    public Capped<Point> points() {
        return points;
    }

    public Capped<Claim> claims() {
        return claims;
    }

    public Capped<Misreading> misreadings() {
        return misreadings;
    }

    public Capped<Excess> excesses() {
        return excesses;
    }
}
