package org.sanaq.compare;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.checks.FoldRow;
import org.sanaq.checks.Plan;
import org.sanaq.checks.ProtocolFold;

/**
 * The folds of the {@link ProtocolPairs} table, run together in one pass over it: per observer source, per
 * official district, and the capped lists. Each reads every column of the table through a {@link PairRow}.
 */
public final class PairFolds {

    private PairFolds() {
    }

    /** A second source and whether it is a lower bound (its pairs are tallied apart). */
    public record SourceKey(String source, boolean lowerBound) implements Serializable {
    }

    /** The pairs' columns as fold inputs, and a view of them per partition. */
    private abstract static class OverPairs<K, S> implements ProtocolFold<K, S, S> {
        private static final long serialVersionUID = 1L;
        private transient PairRow view;

        @Override
        public List<Column> inputs() {
            return ProtocolPairs.columns().stream().map(c -> col(c)).toList();
        }

        @Override
        public void add(Summaries<K, S> summaries, FoldRow row) {
            if (view == null) {
                view = new PairRow();
            }
            add(summaries, view.at(row));
        }

        abstract void add(Summaries<K, S> summaries, PairRow row);

        @Override
        public S finish(K key, S summary) {
            return summary;
        }
    }

    /** Per second source: pairs, differences per field, reading errors, and per candidate tallies. */
    public static final class BySource extends OverPairs<SourceKey, SourceTally> {
        private static final long serialVersionUID = 1L;
        private final long minExcess;

        /** @param minExcess the smallest excess of a lower-bound count over the official one that counts */
        public BySource(long minExcess) {
            this.minExcess = minExcess;
        }

        @Override
        public SourceTally zero(SourceKey key) {
            return new SourceTally(minExcess);
        }

        @Override
        void add(Summaries<SourceKey, SourceTally> summaries, PairRow row) {
            if (row.isPair()) {
                summaries.of(new SourceKey(row.copySource(), row.lowerBound())).add(row);
            }
        }

        @Override
        public SourceTally merge(SourceTally left, SourceTally right) {
            return left.merge(right);
        }
    }

    /** Per official district: coverage, and votes official and with observer figures substituted. */
    public static final class ByDistrict extends OverPairs<DistrictKey, DistrictTally> {
        private static final long serialVersionUID = 1L;
        private static final int REGISTERED = ProtocolPairs.COUNT_FIELDS.indexOf("registered");

        @Override
        public DistrictTally zero(DistrictKey key) {
            return new DistrictTally();
        }

        @Override
        void add(Summaries<DistrictKey, DistrictTally> summaries, PairRow row) {
            if (row.isOfficialPrecinct()) {
                summaries.of(row.officialDistrict()).addPrecinct(row.official(REGISTERED), row.officialVotes());
            } else if (row.substituted() && row.readingErrors() == null) {
                // a copy with reading errors is not a count to recount with: the official figures stay
                summaries.of(row.officialDistrict()).addCopy(row.official(REGISTERED), row.officialVotes(),
                        row.copyVotes(), row.checkReadings());
            }
        }

        @Override
        public DistrictTally merge(DistrictTally left, DistrictTally right) {
            return left.merge(right);
        }
    }

    /** The capped lists of the comparison ({@link PairLists.Caps}). */
    public static final class Lists extends OverPairs<Plan.Whole, PairLists> {
        private static final long serialVersionUID = 1L;
        private final PairLists.Caps caps;

        public Lists(PairLists.Caps caps) {
            this.caps = caps;
        }

        @Override
        public PairLists zero(Plan.Whole key) {
            return new PairLists(caps);
        }

        @Override
        void add(Summaries<Plan.Whole, PairLists> summaries, PairRow row) {
            summaries.of(Plan.Whole.ALL).add(row);
        }

        @Override
        public PairLists merge(PairLists left, PairLists right) {
            return left.merge(right);
        }
    }
}
