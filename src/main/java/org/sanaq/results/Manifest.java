package org.sanaq.results;

import java.util.List;
import java.util.Map;

/**
 * manifest.json: enough to know what a run read and how, and to rerun it. Every input row is accounted for:
 * {@code rowsRead = rowsUsed + rowsQuarantined} per input.
 */
public record Manifest(String job, String title, String election, String language, List<InputAccount> inputs,
        String jobSpec, String jobSpecSha256, Map<String, Object> parameters, Map<String, String> conventions,
        Map<String, Long> seeds, String programVersion, String programCommit, String sparkVersion,
        String sparkMaster, String startedAt, String finishedAt) {

    /** One input: its files with their hashes, and its rows read, used and quarantined (records of the files). */
    public record InputAccount(String id, String mapping, String source, List<FileHash> files, long rowsRead,
            long rowsUsed, long rowsQuarantined, long protocols) {
    }

    public record FileHash(String path, String sha256, long bytes) {
    }

    public long quarantined() {
        return inputs.stream().mapToLong(InputAccount::rowsQuarantined).sum();
    }
}
