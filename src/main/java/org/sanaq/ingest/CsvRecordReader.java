package org.sanaq.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader that keeps line numbers: quoted cells may hold separators, doubled quotes and line
 * breaks; CRLF, LF and CR end records; a byte-order mark before the first cell is dropped. It holds one record in
 * memory at a time, so a file of any size streams through a Spark task.
 */
public final class CsvRecordReader {
    /** Raw text kept for the quarantine is cut at this many characters. */
    static final int RAW_LIMIT = 2000;
    private static final char REPLACEMENT = '\uFFFD';
    /** What the fast path's cell readers return when the line goes on past the characters at hand. */
    private static final int PAST_BLOCK = -2;

    private final Reader in;
    private final char separator;
    private final char quote;
    private final int maxRecordChars;
    private long line = 1;
    private int pushedBack = -2;
    private boolean started;
    /** The most cells a record has had so far: the next record's list is made that large at once. */
    private int cellsBefore = 10;
    private final char[] block = new char[1 << 16];
    /** Set by {@link #splitLine} when it stopped at the end of the block before the line's end. */
    private boolean lineRunsPastBlock;
    private int position;
    private int filled;

    public CsvRecordReader(Reader in, char separator, char quote, int maxRecordChars) {
        this.in = in;
        this.separator = separator;
        this.quote = quote;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public CsvRecord next() throws IOException {
        while (true) {
            CsvRecord plain = plainLine();
            if (plain != null) {
                return plain;
            }
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                continue;
            }
            unread(c);
            return readRecord();
        }
    }

    /**
     * The fast path for the common record: a whole line already in the block, without undecodable bytes, whose
     * quoted cells (if any) are closed on the same line and followed at once by a separator or the line's end, split
     * with no character-by-character copying. Returns null (having consumed nothing) for anything else (a blank
     * line, a quoted line break, a quote inside a cell, a line that runs past the block or past the longest record),
     * which {@link #readRecord} then reads.
     */
    private CsvRecord plainLine() throws IOException {
        if (!started || pushedBack != -2) {
            return null;
        }
        CsvRecord record = splitLine();
        if (record == null && lineRunsPastBlock && position > 0) {
            // the line goes on past the block: move its start to the block's start and read on, then try again
            System.arraycopy(block, position, block, 0, filled - position);
            filled -= position;
            position = 0;
            int more = in.read(block, filled, block.length - filled);
            if (more > 0) {
                filled += more;
                record = splitLine();
            }
        }
        return record;
    }

    /** {@link #plainLine} within the block as it is; sets {@link #lineRunsPastBlock} when the block ended first. */
    private CsvRecord splitLine() throws IOException {
        lineRunsPastBlock = false;
        // a line within the limit holds at most maxRecordChars characters before its line break
        int limit = (int) Math.min(filled, (long) position + maxRecordChars + 1);
        List<String> cells = new ArrayList<>(cellsBefore);
        int i = position;
        while (true) {
            int end = i < limit && block[i] == quote ? quotedCell(i, limit, cells) : plainCell(i, limit, cells);
            if (end < 0) {
                lineRunsPastBlock = end == PAST_BLOCK && limit == filled;
                return null;
            }
            if (block[end] != separator) {
                return lineRecord(cells, end);
            }
            i = end + 1;
        }
    }

    /**
     * Adds the unquoted cell that starts at {@code from}; returns the index of the separator or line break that
     * ends it, {@link #PAST_BLOCK} when the limit came first, or −1 when the fast path cannot read it.
     */
    private int plainCell(int from, int limit, List<String> cells) {
        for (int i = from; i < limit; i++) {
            char c = block[i];
            if (c == separator || c == '\n' || c == '\r') {
                if (c != separator && i == position) {
                    return -1; // a blank line
                }
                cells.add(new String(block, from, i - from));
                return i;
            }
            if (c == quote || c == REPLACEMENT) {
                return -1;
            }
        }
        return PAST_BLOCK;
    }

    /**
     * Adds the quoted cell whose opening quote is at {@code from}, doubled quotes made single; returns the index
     * of the separator or line break right after its closing quote, {@link #PAST_BLOCK} when the limit came first,
     * or −1 when the fast path cannot read it.
     */
    private int quotedCell(int from, int limit, List<String> cells) {
        boolean doubled = false;
        for (int i = from + 1; i < limit; i++) {
            char c = block[i];
            if (c == quote) {
                if (i + 1 >= limit) {
                    return PAST_BLOCK;
                }
                if (block[i + 1] == quote) {
                    doubled = true;
                    i++;
                    continue;
                }
                char after = block[i + 1];
                if (after != separator && after != '\n' && after != '\r') {
                    return -1;
                }
                String cell = new String(block, from + 1, i - from - 1);
                String q = String.valueOf(quote);
                cells.add(doubled ? cell.replace(q + q, q) : cell);
                return i + 1;
            }
            if (c == '\n' || c == '\r' || c == REPLACEMENT) {
                return -1;
            }
        }
        return PAST_BLOCK;
    }

    /** The record of the line from {@link #position} to the line break at {@code end}, which is consumed. */
    private CsvRecord lineRecord(List<String> cells, int end) throws IOException {
        long startLine = line;
        String raw = new String(block, position, Math.min(end - position, RAW_LIMIT));
        position = end + 1;
        endOfLine(block[end]);
        cellsBefore = Math.max(cellsBefore, cells.size());
        return new CsvRecord(startLine, cells, clip(raw), null);
    }

    private CsvRecord readRecord() throws IOException {
        long startLine = line;
        List<String> cells = new ArrayList<>(cellsBefore);
        StringBuilder cell = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        boolean inQuotes = false;
        boolean quotedCell = false;
        int chars = 0;
        String problem = null;
        while (true) {
            int c = read();
            if (c == -1) {
                if (inQuotes) {
                    problem = "a quoted cell is not closed before the end of the file";
                }
                cells.add(cell.toString());
                break;
            }
            // A line break that ends the record is not part of it; the character that overflows is given back
            // so that the skip sees it (a newline that ends the record, a quote that opens or closes a cell).
            boolean endsRecord = !inQuotes && (c == '\n' || c == '\r');
            if (!endsRecord && ++chars > maxRecordChars) {
                unread(c);
                skipRestOfLine(inQuotes);
                return new CsvRecord(startLine, List.of(), clip(raw), "the record is longer than " + maxRecordChars
                        + " characters (is the separator or the quoting wrong?)");
            }
            if (raw.length() < RAW_LIMIT) {
                raw.append((char) c);
            }
            if (c == REPLACEMENT && problem == null) {
                problem = "bytes that are not valid text in the file's encoding";
            }
            if (inQuotes) {
                if (c == quote) {
                    int d = read();
                    if (d == quote) {
                        cell.append(quote);
                        if (raw.length() < RAW_LIMIT) {
                            raw.append((char) d);
                        }
                    } else {
                        inQuotes = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n' || (c == '\r')) {
                        if (c == '\r') {
                            int d = read();
                            if (d != '\n') {
                                unread(d);
                            } else {
                                cell.append('\r');
                                c = '\n';
                            }
                        }
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == quote && cell.length() == 0 && !quotedCell) {
                inQuotes = true;
                quotedCell = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                quotedCell = false;
            } else if (c == '\n' || c == '\r') {
                endOfLine(c);
                cells.add(cell.toString());
                break;
            } else {
                cell.append((char) c);
            }
        }
        cellsBefore = Math.max(cellsBefore, cells.size());
        return new CsvRecord(startLine, cells, clip(raw), problem);
    }

    private static String clip(CharSequence raw) {
        String text = raw.toString().stripTrailing();
        return text.length() >= RAW_LIMIT ? text.substring(0, RAW_LIMIT) + "…" : text;
    }

    private void skipRestOfLine(boolean inQuotes) throws IOException {
        boolean quoted = inQuotes;
        while (true) {
            int c = read();
            if (c == -1) {
                return;
            }
            if (c == quote) {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                endOfLine(c);
                return;
            } else if (c == '\n') {
                line++;
            }
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                unread(d);
            }
        }
        line++;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = nextChar();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = nextChar();
            }
        }
        return c;
    }

    /** The next character from the reader, taken in blocks (a Reader's one-character read locks on every call). */
    private int nextChar() throws IOException {
        if (position == filled) {
            filled = in.read(block, 0, block.length);
            position = 0;
            if (filled <= 0) {
                filled = 0;
                return -1;
            }
        }
        return block[position++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
