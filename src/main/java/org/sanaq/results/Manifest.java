package org.sanaq.results;

import java.util.List;
import java.util.Map;

/**
 * manifest.json: enough to know what a run read and how, and to rerun it. Every input row is accounted for:
 * {@code rowsRead = rowsUsed + rowsQuarantined + rowsSetAside} per input. Fields added later read as empty (0 or
 * null) from the manifests of older runs, so {@code render} still reads them.
 */
public record Manifest(String job, String title, String election, String language, List<InputAccount> inputs,
        String jobSpec, String jobSpecSha256, Map<String, Object> parameters, Map<String, String> conventions,
        Map<String, Long> seeds, String programVersion, String programCommit, String sparkVersion,
        String sparkMaster, String startedAt, String finishedAt, String cache, String cacheKey) {

    /**
     * A manifest that says nothing about the ingest cache (a calibration's, and those of runs before the cache).
     * A run's says how it got its ingested table in {@code cache}: {@code hit} (read from the cache), {@code miss}
     * (parsed, then stored) or {@code off} (parsed because of {@code --no-cache}, then stored), and the entry's
     * {@code cacheKey}.
     */
    public Manifest(String job, String title, String election, String language, List<InputAccount> inputs,
            String jobSpec, String jobSpecSha256, Map<String, Object> parameters, Map<String, String> conventions,
            Map<String, Long> seeds, String programVersion, String programCommit, String sparkVersion,
            String sparkMaster, String startedAt, String finishedAt) {
        this(job, title, election, language, inputs, jobSpec, jobSpecSha256, parameters, conventions, seeds,
                programVersion, programCommit, sparkVersion, sparkMaster, startedAt, finishedAt, null, null);
    }

    /**
     * One input: its files with their hashes; its rows read, used, quarantined (unreadable) and set aside (readable,
     * but copies of another protocol: {@code setAside} counts them by reason, {@link #CONFLICTING_COPIES} or
     * {@link #IDENTICAL_COPIES}); how many used rows had control characters removed from their names; and whether
     * its symbolic links were followed or refused.
     */
    public record InputAccount(String id, String mapping, String source, List<FileHash> files, long rowsRead,
            long rowsUsed, long rowsQuarantined, long protocols, long rowsSetAside, Map<String, Long> setAside,
            long namesCleaned, String symlinks, String origin, List<Coverage> coverage) {

        public InputAccount {
            coverage = coverage == null ? List.of() : List.copyOf(coverage);
        }

        /** An account of a run before origins and coverage were recorded. */
        public InputAccount(String id, String mapping, String source, List<FileHash> files, long rowsRead,
                long rowsUsed, long rowsQuarantined, long protocols, long rowsSetAside, Map<String, Long> setAside,
                long namesCleaned, String symlinks) {
            this(id, mapping, source, files, rowsRead, rowsUsed, rowsQuarantined, protocols, rowsSetAside, setAside,
                    namesCleaned, symlinks, null, List.of());
        }

        /** This account with the job's words on where its data come from. */
        public InputAccount withOrigin(String newOrigin) {
            return new InputAccount(id, mapping, source, files, rowsRead, rowsUsed, rowsQuarantined, protocols,
                    rowsSetAside, setAside, namesCleaned, symlinks, newOrigin, coverage);
        }

        /** An input with nothing set aside or cleaned (and the accounts of runs before those were counted). */
        public InputAccount(String id, String mapping, String source, List<FileHash> files, long rowsRead,
                long rowsUsed, long rowsQuarantined, long protocols) {
            this(id, mapping, source, files, rowsRead, rowsUsed, rowsQuarantined, protocols, 0, Map.of(), 0, null);
        }
    }

    /**
     * What an input's protocols used cover at one level: how many final protocols, how many preliminary reports
     * (those with a time, such as election-day turnout bulletins), how many claims (totals a {@code claim:} source
     * gives, which are no protocols), and the registered voters and ballots (of the job's turnout convention) the
     * final protocols count.
     */
    public record Coverage(String level, long protocols, long reports, long claims, long registered, long ballots) {
        /** The sum of two coverages of one level. */
        public Coverage plus(Coverage other) {
            return new Coverage(level, protocols + other.protocols, reports + other.reports, claims + other.claims,
                    registered + other.registered, ballots + other.ballots);
        }
    }

    /** Reason of the rows set aside because other copies of their protocol report other figures. */
    public static final String CONFLICTING_COPIES = "conflicting_copies";
    /** Reason of the rows set aside because an earlier copy of their protocol, with the same figures, is used. */
    public static final String IDENTICAL_COPIES = "identical_copies";

    /** A data file as the job names it, with its real path when that differs (a symbolic link), hash and size. */
    public record FileHash(String path, String sha256, long bytes, String target) {
        public FileHash(String path, String sha256, long bytes) {
            this(path, sha256, bytes, null);
        }
    }

    public long quarantined() {
        return inputs.stream().mapToLong(InputAccount::rowsQuarantined).sum();
    }
}
