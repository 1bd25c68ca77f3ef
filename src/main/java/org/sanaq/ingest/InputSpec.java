package org.sanaq.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input of a job: an id, the data files (local paths or any Hadoop file-system URI; a file may be a zip),
 * and the mapping that reads them, already carrying the job's overrides (source, election).
 */
public record InputSpec(String id, List<String> files, Mapping mapping) implements Serializable {
}
