package org.sanaq.synthetic;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one synthetic protocol, as counts that the irregularities alter in place, and its CSV line in
 * the canonical format. The ballot-accounting lines are kept consistent by construction; only a planted broken
 * relation breaks them.
 */
final class Protocol implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The count columns written, in order, after election, source, level, region, precinct. */
    static final List<String> COUNTS = List.of("registered", "ballots_received", "ballots_issued_early",
            "ballots_issued_in_station", "ballots_issued_outside", "ballots_cancelled", "ballots_in_portable_boxes",
            "ballots_in_stationary_boxes", "ballots_lost", "ballots_unaccounted", "invalid", "valid");
    static final int REGISTERED = 0;
    static final int RECEIVED = 1;
    static final int EARLY = 2;
    static final int IN_STATION = 3;
    static final int OUTSIDE = 4;
    static final int CANCELLED = 5;
    static final int PORTABLE = 6;
    static final int STATIONARY = 7;
    static final int LOST = 8;
    static final int UNACCOUNTED = 9;
    static final int INVALID = 10;
    static final int VALID = 11;

    final int region;
    /** The district within the region, 0-based, or {@link #NO_DISTRICT} when the election has none. */
    final int district;
    final long[] counts;
    /** Votes per candidate, the leader first. */
    final long[] votes;

    /** No district: the protocol's line has no district column. */
    static final int NO_DISTRICT = -1;

    Protocol(int region, long[] counts, long[] votes) {
        this(region, NO_DISTRICT, counts, votes);
    }

    Protocol(int region, int district, long[] counts, long[] votes) {
        this.region = region;
        this.district = district;
        this.counts = counts;
        this.votes = votes;
    }

    Protocol copy() {
        return new Protocol(region, district, counts.clone(), votes.clone());
    }

    long issued() {
        return counts[EARLY] + counts[IN_STATION] + counts[OUTSIDE];
    }

    long inBoxes() {
        return counts[PORTABLE] + counts[STATIONARY];
    }

    long totalVotes() {
        return Arrays.stream(votes).sum();
    }

    /**
     * Extra ballots for the leader (stuffing), or fewer when negative, entered everywhere an honest count would
     * show them: issued in the station, found in the stationary box, valid, and taken from the unused ballots.
     * Returns false, changing nothing, when the protocol cannot absorb them.
     */
    boolean castForLeader(long ballots) {
        if (ballots > counts[CANCELLED] || -ballots > Math.min(votes[0], counts[IN_STATION])
                || -ballots > counts[STATIONARY]) {
            return false;
        }
        votes[0] += ballots;
        counts[VALID] += ballots;
        counts[IN_STATION] += ballots;
        counts[STATIONARY] += ballots;
        counts[CANCELLED] -= ballots;
        return true;
    }

    /** Moves {@code moved} votes from the other candidates, in proportion to their votes, to the leader. */
    long switchToLeader(long moved) {
        long others = counts[VALID] - votes[0];
        long done = 0;
        for (int c = 1; c < votes.length && others > 0; c++) {
            long take = Math.min(votes[c], Math.round((double) moved * votes[c] / others));
            votes[c] -= take;
            done += take;
        }
        for (int c = 1; c < votes.length && done < moved; c++) { // rounding left a few: take them in order
            long take = Math.min(votes[c], moved - done);
            votes[c] -= take;
            done += take;
        }
        votes[0] += done;
        return done;
    }

    /**
     * The canonical CSV line: election, source, level, region, the district where the election has districts,
     * precinct, the counts, the votes.
     */
    String csv(String election, String source, String level, String regionName, String precinct) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(election).append(',').append(source).append(',').append(level).append(',').append(regionName);
        if (district != NO_DISTRICT) {
            sb.append(',').append(SyntheticSpec.Districts.name(district));
        }
        sb.append(',').append(precinct);
        for (long c : counts) {
            sb.append(',').append(c);
        }
        for (long v : votes) {
            sb.append(',').append(v);
        }
        return sb.toString();
    }

    /** The header of lines written by {@link #csv}, with the district column or without. */
    static String header(List<String> candidates, boolean districts) {
        StringBuilder sb = new StringBuilder(districts ? "election,source,level,region,district,precinct"
                : "election,source,level,region,precinct");
        COUNTS.forEach(c -> sb.append(',').append(c));
        candidates.forEach(c -> sb.append(",votes:").append(c));
        return sb.toString();
    }

    void add(Protocol other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        for (int i = 0; i < votes.length; i++) {
            votes[i] += other.votes[i];
        }
    }
}
