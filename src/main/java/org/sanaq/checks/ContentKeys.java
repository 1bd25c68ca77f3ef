package org.sanaq.checks;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.Map;

import org.sanaq.stats.Mix64;

/**
 * A 64-bit key per data file taken from its content (the first eight bytes of its SHA-256), looked up by the name
 * the ingested rows record in {@code _file}: the file's name in the job, or {@code name!entry} for an entry of a zip,
 * whose key mixes the zip's key with the entry's name. Checks seed what they draw per protocol from the run's seed
 * and this key with the protocol's line, so that the same bytes give the same draws wherever they lie and whatever
 * they are called.
 */
public record ContentKeys(Map<String, Long> keys) implements Serializable {
    /** No file hashed: every name keys itself (rows made in memory, as tests make them). */
    public static final ContentKeys NONE = new ContentKeys(Map.of());

    public ContentKeys {
        keys = Map.copyOf(keys);
    }

    /** The keys of files given as their names in the job and their SHA-256 in hexadecimal. */
    public static ContentKeys ofSha256(Map<String, String> sha256ByName) {
        Map<String, Long> keys = new java.util.HashMap<>();
        sha256ByName.forEach((name, sha) -> keys.put(name, HexFormat.fromHexDigitsToLong(sha, 0, 16)));
        return new ContentKeys(keys);
    }

    /**
     * The key of the file or zip entry a row records: its file's content key, mixed with the entry's name for an
     * entry of a zip; a name of no hashed file (rows made in memory, sums the run derived) keys itself.
     */
    public long of(String file) {
        Long whole = keys.get(file);
        if (whole != null) {
            return whole;
        }
        for (int bang = file.indexOf('!'); bang >= 0; bang = file.indexOf('!', bang + 1)) {
            Long zip = keys.get(file.substring(0, bang));
            if (zip != null) {
                return Mix64.mix(zip ^ file.substring(bang + 1).hashCode());
            }
        }
        return Mix64.mix(file.hashCode());
    }

}
