package org.sanaq.checks;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.Column;

/**
 * What a check needs from the protocols, as typed, mergeable summaries folded in the run's one pass over them (as
 * Deequ's analyzers share one scan, each with its own {@code where}): the fold reads the columns it declares, keeps
 * the rows it wants (its row filter is inside {@link #add}), adds each to the summary of a key it names (one key for
 * a national summary; a region, a unit and row, ... for summaries by group), and merges two summaries of the same
 * key. The runner folds every check's summaries in one Spark job ({@code org.sanaq.run.SharedScan}): rows are folded
 * per partition, summaries are merged by key across the cluster, and each merged summary is {@linkplain #finish
 * finished} where it was merged, so the driver receives only the finished results.
 *
 * <p>Summaries must stay bounded whatever the number of protocols (histograms, counts, the k worst cases), and the
 * keys few (regions, units × rows): the driver holds all finished results. Folds and summaries are serialised to
 * the executors; a fold keeps plain settings in its fields, not Spark columns (build them in {@link #inputs}).
 *
 * @param <K> the key of a summary (serialisable, with equals and hashCode)
 * @param <S> the summary: mutable, serialisable; {@link #merge} may reuse its first argument
 * @param <R> what the driver receives of one key's merged summary (the summary itself, or statistics of it)
 */
public interface ProtocolFold<K, S, R> extends Serializable {

    /**
     * The columns this fold reads of each protocol, in order: any expression over the canonical protocol table
     * ({@code org.sanaq.schema.ProtocolSchema#protocols}), evaluated by Spark in the pass; {@link #add} reads them
     * by position from its {@link FoldRow}.
     */
    List<Column> inputs();

    /**
     * The columns this fold reads of each (protocol, candidate) pair, or none: expressions over the protocol table
     * and the columns {@link CandidateColumns}; {@link #addCandidate} reads them by position. The pass then also visits one
     * row per protocol and candidate.
     */
    default List<Column> candidateInputs() {
        return List.of();
    }

    /** The empty summary of a key. */
    S zero(K key);

    /** Adds one protocol (its {@link #inputs}) to the summaries it belongs to; a row the fold does not want is ignored. */
    void add(Summaries<K, S> summaries, FoldRow protocol);

    /** Adds one (protocol, candidate) pair (its {@link #candidateInputs}); by default none is wanted. */
    default void addCandidate(Summaries<K, S> summaries, FoldRow candidate) {
    }

    /** The summary of the union of the rows of two summaries of one key; may return {@code left}, changed. */
    S merge(S left, S right);

    /** What the driver receives of one key's merged summary; computed on the executor that merged it. */
    R finish(K key, S summary);

    /** The summaries of the rows folded so far in one partition, by key. */
    interface Summaries<K, S> {
        /** The summary of a key, begun with {@link ProtocolFold#zero} the first time it is asked for. */
        S of(K key);
    }
}
