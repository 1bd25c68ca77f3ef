package org.sanaq.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens data files for reading as records: plain text files, or each matching entry of a zip file, decoded in the
 * mapping's encoding (bytes that are not text become U+FFFD, which the reader reports per record). A UTF-8
 * byte-order mark is dropped as bytes, whatever the encoding: read as windows-1251 or Latin-1 it would start the
 * first header with "п»ї" or "ï»¿".
 */
public final class DataFiles {
    /** Records longer than this are quarantined rather than held in memory. */
    public static final int MAX_RECORD_CHARS = 1_000_000;

    private DataFiles() {
    }

    /** One text stream inside a data file: the file itself, or one entry of a zip. */
    public interface Entry {
        /** The name used in messages and in the quarantine: {@code file} or {@code file!entry}. */
        String name();

        CsvRecordReader reader();
    }

    /** The text streams of a data file, opened one after the other. */
    public interface Entries {
        /** The next stream, or null when there is none; the previous one must have been read to its end. */
        Entry next() throws IOException;
    }

    /**
     * The text streams of one data file: the file itself, or each matching entry when it is a zip (by its first
     * bytes or its name). A compressed file, a workbook or a PDF is refused with what it is and what to do.
     */
    public static Entries open(String name, InputStream raw, Mapping.TextFormat format) throws IOException {
        FileSignatures.Sniffed file = FileSignatures.sniff(raw);
        String refused = FileSignatures.refusal(file);
        if (refused != null) {
            throw new IOException(name + " " + refused);
        }
        InputStream in = file.stream();
        if (!file.starts(FileSignatures.ZIP) && !name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            boolean[] given = {false};
            return () -> {
                if (given[0]) {
                    return null;
                }
                given[0] = true;
                return entry(name, in, format);
            };
        }
        Pattern wanted = format.zipEntry() == null ? null : Pattern.compile(format.zipEntry());
        ZipInputStream zip = new ZipInputStream(in);
        return () -> {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String entryName = e.getName();
                if (entryName.equals(FileSignatures.OFFICE_ENTRY)) {
                    throw new IOException(name + " " + FileSignatures.EXCEL);
                }
                if (entryName.equals("mimetype")) {
                    throw new IOException(name + " " + FileSignatures.OPEN_DOCUMENT);
                }
                if (!e.isDirectory() && !entryName.startsWith("__MACOSX/")
                        && (wanted == null || wanted.matcher(entryName).find())) {
                    return entry(name + "!" + entryName, new NonClosing(zip), format);
                }
            }
            return null;
        };
    }

    /** Whether a file is named by a URI of another file system (hdfs://, s3a://), not by a local path. */
    public static boolean isRemote(String name) {
        return name.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !name.startsWith("file:");
    }

    /**
     * The Hadoop path of a data file, made from a URI so that nothing in the name is a pattern: Hadoop's
     * {@code Path(String)} would read '[', '*', '?', ',' and '{' as a glob where a glob is expanded, and mangles
     * '#' and '%'; {@link File#toURI} escapes all of them. Ingest reads and the manifest hashes through this path.
     */
    public static org.apache.hadoop.fs.Path hadoopPath(String file) {
        return new org.apache.hadoop.fs.Path(isRemote(file) ? URI.create(file) : new File(file).toURI());
    }

    /** The header record of an entry: the record on the mapping's header line; null for an empty file. */
    public static CsvRecord header(CsvRecordReader reader, Mapping.TextFormat format) throws IOException {
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            if (r.line() >= format.headerLine()) {
                return r;
            }
        }
        return null;
    }

    /** Reads the headers of local files before Spark starts, so that a mapping that does not fit fails early. */
    public static List<String> checkLocalHeaders(InputSpec input) throws MappingException {
        List<String> checked = new ArrayList<>();
        for (String file : input.files()) {
            Path path = Path.of(file);
            try (InputStream in = Files.newInputStream(path)) {
                Entries entries = open(file, in, input.mapping().format());
                for (Entry e = entries.next(); e != null; e = entries.next()) {
                    CsvRecord header = header(e.reader(), input.mapping().format());
                    if (header == null) {
                        throw new IOException(e.name() + " line 1: the file is empty: it has no header line");
                    }
                    String notText = notText(header, input.mapping().format());
                    if (notText != null) {
                        throw new IOException(e.name() + " line " + header.line() + ": " + notText
                                + EncodingHint.of(path, input.mapping().format().encoding()));
                    }
                    try {
                        input.mapping().bind(header.cells());
                    } catch (MappingException m) {
                        throw new IOException(e.name() + " line " + header.line() + " (the header): "
                                + m.getMessage() + EncodingHint.of(path, input.mapping().format().encoding()));
                    }
                    checked.add(e.name());
                }
            } catch (IOException e) {
                throw new MappingException("input '" + input.id() + "': " + e.getMessage());
            }
        }
        if (checked.isEmpty()) {
            throw new MappingException("input '" + input.id() + "': no data file found (a zip with no matching entry?)");
        }
        return checked;
    }

    /**
     * Why a header is not text in the mapping's encoding (a UTF-16 file read as UTF-8 is full of NUL characters;
     * a Latin-1 or binary file has bytes that decode to U+FFFD), or null when it reads as text.
     */
    static String notText(CsvRecord header, Mapping.TextFormat format) {
        String text = String.join(",", header.cells());
        if (text.indexOf('\u0000') >= 0) {
            return "the header holds NUL characters: the file is UTF-16 (set 'encoding: UTF-16' in the mapping) "
                    + "or not a text file at all";
        }
        if (header.problem() != null || text.indexOf('\uFFFD') >= 0) {
            return "the header is not text in " + format.encoding() + ": the file is in another encoding (set "
                    + "'encoding:' in the mapping, e.g. windows-1251 or ISO-8859-1) or is not a CSV file at all";
        }
        return null;
    }

    private static Entry entry(String name, InputStream raw, Mapping.TextFormat format) throws IOException {
        InputStream in = withoutByteOrderMark(raw);
        var decoder = Charset.forName(format.encoding()).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        // the reader takes its characters in large blocks itself: a BufferedReader between would only copy them
        CsvRecordReader reader = new CsvRecordReader(new InputStreamReader(in, decoder), format.separator(),
                format.quote(), MAX_RECORD_CHARS);
        return new Entry() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CsvRecordReader reader() {
                return reader;
            }
        };
    }

    /** The stream without the UTF-8 byte-order mark it may start with. */
    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
        buffered.mark(EncodingHint.UTF8_BOM.length);
        if (!java.util.Arrays.equals(buffered.readNBytes(EncodingHint.UTF8_BOM.length), EncodingHint.UTF8_BOM)) {
            buffered.reset();
        }
        return buffered;
    }

    /** Lets a reader close over a zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
