package org.sanaq.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a mapping finds the candidates (parties, options) of a record. Three layouts are covered:
 * <ul>
 *   <li>one column per candidate recognised by a header {@code pattern}, {@code except} those matching listed
 *   patterns (a spoiled-ballots column the pattern also matches); the name is the pattern's group {@code name}, or
 *   the whole header;</li>
 *   <li>every column {@code after} a given header, {@code except} those matching listed patterns; the name is the
 *   header;</li>
 *   <li>{@code pairs}: the name is in a cell (a winner and a runner-up, say), with the votes and the printed
 *   percentage in other cells of the same record.</li>
 * </ul>
 * Published percentages use the same pattern or pair layout. {@code rename} turns a header into a display name.
 * Names lose their NUL and bidirectional control characters ({@link ControlCharacters}). A header with more than
 * {@link #MAX_CANDIDATES} candidate columns is refused: each candidate costs tables and charts in the report.
 * A votes cell equal to one of the {@code missing} markers ({@link MissingMarkers}; null: the mapping's) keeps the
 * candidate in the protocol with an unknown count.
 */
public record CandidateRules(String votesPattern, String votesAfter, List<String> except, String pctPattern,
        Map<String, String> rename, List<Pair> pairs, MissingMarkers missing) implements Serializable {

    /** The most candidate columns (votes, or printed percentages) one file's header may have. */
    public static final int MAX_CANDIDATES = 500;

    /** No candidate columns: a table of turnout bulletins, say. */
    public static final CandidateRules NONE = new CandidateRules(null, null, List.of(), null, Map.of(), List.of(),
            MissingMarkers.NONE);

    /** A candidate whose name is in a cell: the name field, the votes column and the percentage column. */
    public record Pair(FieldRule name, ColumnSelector votes, ColumnSelector publishedPct) implements Serializable {
    }

    /** A source column holding one candidate's figure. */
    record NamedColumn(int index, String header, String candidate) implements Serializable {
    }

    /** The candidates' columns of a header, and the bound pairs. */
    record Bound(List<NamedColumn> votes, List<NamedColumn> pcts, List<BoundPair> pairs) implements Serializable {
    }

    record BoundPair(FieldRule.BoundField name, int votes, String votesHeader, Integer pct) implements Serializable {
    }

    /** These rules, their pairs' names included, with the mapping's missing-value markers where they give none. */
    CandidateRules withMissingDefault(MissingMarkers mappingWide) {
        List<Pair> named = pairs.stream().map(p -> new Pair(p.name().withMissingDefault(mappingWide), p.votes(),
                p.publishedPct())).toList();
        return new CandidateRules(votesPattern, votesAfter, except, pctPattern, rename, named,
                MissingMarkers.or(missing, mappingWide));
    }

    /** The markers of a votes cell that holds no count (none when not declared). */
    MissingMarkers markers() {
        return MissingMarkers.or(missing, MissingMarkers.NONE);
    }

    Bound bind(List<String> header, String where) throws MappingException {
        List<NamedColumn> votes = new ArrayList<>();
        if (votesPattern != null) {
            votes.addAll(byPattern(header, votesPattern).stream().filter(c -> !excepted(c.header())).toList());
        }
        if (votesAfter != null) {
            votes.addAll(after(header, where));
        }
        List<NamedColumn> pcts = pctPattern == null ? List.of() : byPattern(header, pctPattern);
        List<BoundPair> bound = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            Pair p = pairs.get(k);
            String w = where + ".pairs[" + k + "]";
            int v = p.votes().resolve(header, w + ".votes");
            Integer pct = p.publishedPct() == null ? null : p.publishedPct().resolve(header, w + ".published_pct");
            bound.add(new BoundPair(p.name().bind(header, w + ".name"), v, ColumnSelector.clean(header.get(v)), pct));
        }
        if (votes.isEmpty() && bound.isEmpty() && this != NONE && !equals(NONE)) {
            throw new MappingException(where + ": no column of the header is a candidate's");
        }
        if (Math.max(votes.size(), pcts.size()) > MAX_CANDIDATES) {
            throw new MappingException(where + ": the header has " + Math.max(votes.size(), pcts.size())
                    + " candidate columns, more than the " + MAX_CANDIDATES + " sanaq reads from one file (is the "
                    + "candidates' pattern too wide, or the file not a table of protocols?)");
        }
        return new Bound(votes, pcts, bound);
    }

    /** A candidate's name from a header: renamed if the mapping says so, without control characters. */
    private String candidate(String name) {
        String clean = ControlCharacters.strip(name);
        return rename.getOrDefault(clean, clean);
    }

    private List<NamedColumn> byPattern(List<String> header, String regex) {
        Pattern p = Pattern.compile(regex);
        List<NamedColumn> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = ColumnSelector.clean(header.get(i));
            Matcher m = p.matcher(h);
            if (m.find()) {
                String name = p.pattern().contains("(?<name>") ? m.group("name").strip() : h;
                out.add(new NamedColumn(i, h, candidate(name)));
            }
        }
        return out;
    }

    private List<NamedColumn> after(List<String> header, String where) throws MappingException {
        Pattern start = Pattern.compile(votesAfter);
        int from = -1;
        for (int i = 0; i < header.size(); i++) {
            if (start.matcher(ColumnSelector.clean(header.get(i))).find()) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            throw new MappingException(where + ".after: no column matches '" + votesAfter + "'");
        }
        List<NamedColumn> out = new ArrayList<>();
        for (int i = from + 1; i < header.size(); i++) {
            String h = ColumnSelector.clean(header.get(i));
            if (!excepted(h)) {
                out.add(new NamedColumn(i, h, candidate(h)));
            }
        }
        return out;
    }

    /** Whether a (clean) header matches one of the {@code except} patterns. */
    private boolean excepted(String header) {
        return except.stream().anyMatch(e -> Pattern.compile(e).matcher(header).find());
    }
}
