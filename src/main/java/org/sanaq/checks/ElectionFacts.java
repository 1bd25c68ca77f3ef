package org.sanaq.checks;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * What the checks must know of an election's final precinct protocols before their own pass, per election and
 * source, for the stations not marked special and for those marked special apart ({@link SpecialStations}: a check
 * may read either set or both): the leader (the candidate with most votes; ties go to the first name), how many
 * precincts there are, how many give the figures the distribution checks read (V, G and R reported,
 * {@link PrecinctFigures}) and the voters of each region over those with V and R above 0 (which regions the
 * fingerprint maps), and the precincts of each region and of each district (the sizes of the digit tests' random
 * groupings). Computed by {@link #fold} in the run's first shared pass.
 */
public final class ElectionFacts implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The facts of one election and source: those of its stations not marked special and those of the stations
     * marked special, apart, so that each check reads the facts of the stations it reads ({@link #stations}).
     */
    public static final class OfSource implements Serializable {
        private static final long serialVersionUID = 2L;
        private final Stations regular = new Stations();
        private final Stations special = new Stations();

        /** Precinct protocols marked special (abroad, hospitals, ...). */
        public long special() {
            return special.precincts;
        }

        /**
         * The facts of the stations a check reads: those not marked special, or all of them when it includes the
         * special ones.
         */
        public Stations stations(SpecialStations choice) {
            return choice.included() ? new Stations().merge(regular).merge(special) : regular;
        }

        private OfSource merge(OfSource other) {
            regular.merge(other.regular);
            special.merge(other.special);
            return this;
        }
    }

    /** The facts of a set of precinct protocols of one election and source. */
    public static final class Stations implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Votes by candidate; null for a candidate whose votes were never given. */
        private final Map<String, Long> votes = new HashMap<>();
        private long precincts;
        private long figures;
        private final Map<String, Long> regionVoters = new HashMap<>();
        private final Map<String, Long> regionPrecincts = new HashMap<>();
        private final Map<String, Long> districtPrecincts = new HashMap<>();

        /**
         * The leader: most votes, ties to the first name; a candidate whose votes are never given ranks last (as
         * in Spark's descending order); null without candidates.
         */
        public String leader() {
            return votes.entrySet().stream().min(Comparator.<Map.Entry<String, Long>, Boolean>comparing(
                            e -> e.getValue() == null)
                    .thenComparing(e -> e.getValue() == null ? 0L : -e.getValue())
                    .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).orElse(null);
        }

        /** Precincts with V, G and R reported. */
        public long figures() {
            return figures;
        }

        /** The {@code n} regions with most voters, ties in name order. */
        public List<String> largestRegions(int n) {
            return regionVoters.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(Map.Entry::getKey).toList();
        }

        /**
         * The precincts of each unit of a level ({@code region} or {@code district}; "" for those that give none), in
         * unit name order.
         */
        public SortedMap<String, Long> precinctsPerUnit(String level) {
            return new TreeMap<>(switch (level) {
                case "region" -> regionPrecincts;
                case "district" -> districtPrecincts;
                default -> throw new IllegalArgumentException("no precinct counts per " + level);
            });
        }

        /** Adds a candidate's votes (null: not given), keeping the candidate even when never given. */
        private void addVotes(String candidate, Long v) {
            Long before = votes.get(candidate);
            votes.put(candidate, before == null ? v : v == null ? before : before + v);
        }

        private Stations merge(Stations other) {
            other.votes.forEach(this::addVotes);
            precincts += other.precincts;
            figures += other.figures;
            other.regionVoters.forEach((region, v) -> regionVoters.merge(region, v, Long::sum));
            other.regionPrecincts.forEach((region, n) -> regionPrecincts.merge(region, n, Long::sum));
            other.districtPrecincts.forEach((district, n) -> districtPrecincts.merge(district, n, Long::sum));
            return this;
        }
    }

    /** An election and a source. */
    public record Key(String election, String source) implements Serializable {
    }

    private final Map<Key, OfSource> bySource;

    public ElectionFacts(Map<Key, OfSource> bySource) {
        this.bySource = Map.copyOf(bySource);
    }

    /** The facts from the finished results of {@link #fold} (keys and values as the fold gives them). */
    public static ElectionFacts of(Map<Object, Object> folded) {
        Map<Key, OfSource> bySource = new HashMap<>();
        folded.forEach((key, facts) -> bySource.put((Key) key, (OfSource) facts));
        return new ElectionFacts(bySource);
    }

    /** The facts of an election's precincts from one source; empty facts when it has none. */
    public OfSource of(String election, String source) {
        return Optional.ofNullable(bySource.get(new Key(election, source))).orElseGet(OfSource::new);
    }

    /** The fold of the facts under a job's conventions (which say what G and R are). */
    public static ProtocolFold<Key, OfSource, OfSource> fold(Conventions conventions) {
        return new Fold(conventions);
    }

    private static final class Fold implements ProtocolFold<Key, OfSource, OfSource> {
        private static final long serialVersionUID = 1L;
        private static final int ELECTION = 0;
        private static final int SOURCE = 1;
        private static final int FINAL_PRECINCT = 2;
        private static final int SPECIAL = 3;
        private static final int REGION = 4;
        private static final int V = 5;
        private static final int G = 6;
        private static final int R = 7;
        private static final int VOTES = 8;
        private static final int DISTRICT = 9;
        private final Conventions conventions;

        Fold(Conventions conventions) {
            this.conventions = conventions;
        }

        @Override
        public List<Column> inputs() {
            return List.of(col(Field.ELECTION.column()), col(Field.SOURCE.column()),
                    col(Field.LEVEL.column()).equalTo(Level.PRECINCT.id())
                            .and(col(Field.REPORTED_AT.column()).isNull()),
                    PrecinctFigures.isSpecial(), coalesce(col(Field.REGION.column()), lit("")),
                    ProtocolColumns.field(Field.REGISTERED), ProtocolColumns.turnoutNumerator(conventions),
                    ProtocolColumns.shareBase(conventions), col(ProtocolSchema.VOTES),
                    coalesce(col(Field.DISTRICT.column()), lit("")));
        }

        @Override
        public OfSource zero(Key key) {
            return new OfSource();
        }

        @Override
        public void add(Summaries<Key, OfSource> summaries, FoldRow row) {
            if (!row.isTrue(FINAL_PRECINCT) || row.isNull(ELECTION) || row.isNull(SOURCE)) {
                return;
            }
            OfSource source = summaries.of(new Key(row.getString(ELECTION), row.getString(SOURCE)));
            Stations facts = row.isTrue(SPECIAL) ? source.special : source.regular;
            facts.precincts++;
            facts.regionPrecincts.merge(row.getString(REGION), 1L, Long::sum);
            facts.districtPrecincts.merge(row.getString(DISTRICT), 1L, Long::sum);
            if (!row.isNull(VOTES)) {
                row.<String, Long>getMap(VOTES).forEach(facts::addVotes);
            }
            if (row.isNull(V) || row.isNull(G) || row.isNull(R)) {
                return;
            }
            facts.figures++;
            if (row.getLong(V) > 0 && row.getLong(R) > 0) {
                facts.regionVoters.merge(row.getString(REGION), row.getLong(V), Long::sum);
            }
        }

        @Override
        public OfSource merge(OfSource left, OfSource right) {
            return left.merge(right);
        }

        @Override
        public OfSource finish(Key key, OfSource summary) {
            return summary;
        }
    }
}
