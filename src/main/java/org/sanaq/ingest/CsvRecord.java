package org.sanaq.ingest;

import java.util.List;

/**
 * One record of a delimited text file: its cells, the line it starts on (1-based, counting the header) and its raw
 * text for the quarantine. {@code problem} is set when the record could not be read cleanly (an unterminated
 * quote, a line too long, bytes that are not text in the file's encoding).
 */
public record CsvRecord(long line, List<String> cells, String raw, String problem) {
}
