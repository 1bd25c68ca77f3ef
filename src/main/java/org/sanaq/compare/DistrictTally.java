package org.sanaq.compare;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One district's official precinct protocols: how many, their registered voters, how many of them (and of their
 * voters) have an observer copy that counts everyone (not a lower bound), and per candidate the official votes
 * and the votes with the substituted copy's figure where a copy exists ({@link ProtocolPairs#SUBSTITUTED}).
 */
public final class DistrictTally implements Serializable {
    private static final long serialVersionUID = 1L;
    private long precincts;
    private long registered;
    private long precinctsWithCopy;
    private long registeredWithCopy;
    private long readingsSubstituted;
    private final Map<String, Votes> votes = new TreeMap<>();

    /** A candidate's votes in the district: official, and with observer figures substituted. */
    public static final class Votes implements Serializable {
        private static final long serialVersionUID = 1L;
        private long official;
        private long substituted;

        public long official() {
            return official;
        }

        public long substituted() {
            return substituted;
        }
    }

    /** Adds an official precinct protocol (its figures are also the substituted ones until a copy replaces them). */
    void addPrecinct(Long registeredVoters, Map<String, Long> officialVotes) {
        precincts++;
        registered += registeredVoters == null ? 0 : registeredVoters;
        officialVotes.forEach((candidate, v) -> {
            Votes sum = of(candidate);
            sum.official += v == null ? 0 : v;
            sum.substituted += v == null ? 0 : v;
        });
    }

    /**
     * Adds the substituted copy of an official precinct protocol: its figures replace the official ones.
     *
     * @param reading whether the copy is a reading of a photo (machine or typed), which may be misread
     */
    void addCopy(Long registeredVoters, Map<String, Long> officialVotes, Map<String, Long> copyVotes,
            boolean reading) {
        precinctsWithCopy++;
        readingsSubstituted += reading ? 1 : 0;
        registeredWithCopy += registeredVoters == null ? 0 : registeredVoters;
        officialVotes.forEach((candidate, v) -> {
            Long observer = copyVotes.get(candidate);
            if (observer != null) {
                of(candidate).substituted += observer - (v == null ? 0 : v);
            }
        });
    }

    DistrictTally merge(DistrictTally other) {
        precincts += other.precincts;
        registered += other.registered;
        precinctsWithCopy += other.precinctsWithCopy;
        registeredWithCopy += other.registeredWithCopy;
        readingsSubstituted += other.readingsSubstituted;
        other.votes.forEach((candidate, v) -> {
            Votes sum = of(candidate);
            sum.official += v.official;
            sum.substituted += v.substituted;
        });
        return this;
    }

    private Votes of(String candidate) {
        return votes.computeIfAbsent(candidate, k -> new Votes());
    }

    public long precincts() {
        return precincts;
    }

    public long registered() {
        return registered;
    }

    public long precinctsWithCopy() {
        return precinctsWithCopy;
    }

    public long registeredWithCopy() {
        return registeredWithCopy;
    }

    /** How many of the substituted copies are readings of photos rather than copies of the signed protocol. */
    public long readingsSubstituted() {
        return readingsSubstituted;
    }

    /** Each candidate of the district's official protocols, by name. */
    public Map<String, Votes> votes() {
        return Collections.unmodifiableMap(votes);
    }
}
