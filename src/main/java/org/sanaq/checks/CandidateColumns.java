package org.sanaq.checks;

/**
 * The columns of a (protocol, candidate) row, which a fold's {@link ProtocolFold#candidateInputs} may read beside
 * the protocol's own: the candidate's name, votes and printed percentage (null when the protocol prints none).
 */
public final class CandidateColumns {
    public static final String CANDIDATE = "candidate";
    public static final String CANDIDATE_VOTES = "candidate_votes";
    public static final String CANDIDATE_PCT = "candidate_pct";

    private CandidateColumns() {
    }
}
