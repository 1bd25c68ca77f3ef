package org.sanaq.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input of a job: an id, the data files (local paths or any Hadoop file-system URI; a file may be a zip),
 * the mapping that reads them, already carrying the job's overrides (source, election), what to do with a data
 * file that is a symbolic link, and the files' names as the job writes them (relative to its folder), which the
 * ingested table records and outputs show, so that the same job and data copied to another folder give the same
 * outputs.
 */
public record InputSpec(String id, List<String> files, Mapping mapping, Symlinks symlinks, List<String> names)
        implements Serializable {

    public InputSpec {
        files = List.copyOf(files);
        names = List.copyOf(names);
        if (names.size() != files.size()) {
            throw new IllegalArgumentException("one name per data file: " + names + " for " + files);
        }
    }

    /** An input whose files are named by their paths. */
    public InputSpec(String id, List<String> files, Mapping mapping, Symlinks symlinks) {
        this(id, files, mapping, symlinks, files);
    }

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
