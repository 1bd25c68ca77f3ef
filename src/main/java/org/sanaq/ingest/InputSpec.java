package org.sanaq.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input of a job: an id, the data files (local paths or any Hadoop file-system URI; a file may be a zip),
 * the mapping that reads them, already carrying the job's overrides (source, election), and what to do with a
 * data file that is a symbolic link.
 */
public record InputSpec(String id, List<String> files, Mapping mapping, Symlinks symlinks) implements Serializable {

    /** A data file named by a symbolic link: read its target (recording both in the manifest), or refuse it. */
    public enum Symlinks {
        FOLLOW, REFUSE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An input whose symbolic links are followed, the default. */
    public InputSpec(String id, List<String> files, Mapping mapping) {
        this(id, files, mapping, Symlinks.FOLLOW);
    }
}
