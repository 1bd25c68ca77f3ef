package org.sanaq.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Recognises, by their first bytes, files that are not CSV text although a job names them as data: compressed
 * files, Office workbooks, PDF documents. Each gets one sentence that says what the file is and what to do, instead
 * of the header check's guess (a gzip file reads as "UTF-16" because of its NUL bytes).
 */
final class FileSignatures {
    /** The zip magic: a zip is read entry by entry, whatever its name ends with. */
    static final byte[] ZIP = {'P', 'K', 3, 4};
    /** The first entry of every Office Open XML file (xlsx, docx): a zip holding it is a workbook, not CSVs. */
    static final String OFFICE_ENTRY = "[Content_Types].xml";
    static final String EXCEL = "is an Excel workbook: save it as CSV (File > Save As > CSV UTF-8) and name the .csv";
    /** The first entry of every OpenDocument file (ods). */
    static final String OPEN_DOCUMENT = "is an OpenDocument spreadsheet: save it as CSV and name the .csv";

    private record Signature(byte[] magic, String what) {
    }

    private static final Signature[] REFUSED = {
        new Signature(new byte[] {0x1f, (byte) 0x8b}, "is gzip-compressed: unpack it (gunzip) or name the .csv inside"),
        new Signature(new byte[] {'B', 'Z', 'h'}, "is bzip2-compressed: unpack it (bunzip2) and name the .csv inside"),
        new Signature(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, "is xz-compressed: unpack it (unxz) and name "
                + "the .csv inside"),
        new Signature(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, "is zstd-compressed: unpack it (unzstd) and "
                + "name the .csv inside"),
        new Signature(new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c}, "is a 7-Zip archive: unpack it "
                + "and name the .csv files inside (or make it a .zip)"),
        new Signature(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1}, "is an Excel 97–2003 workbook (or another old Office file): save it as CSV and name the .csv"),
        new Signature(new byte[] {'%', 'P', 'D', 'F', '-'}, "is a PDF document: sanaq reads CSV files; extract the "
                + "table to CSV first"),
    };
    private static final int LONGEST = 8;

    private FileSignatures() {
    }

    /** A stream that can be looked at before it is read: its first bytes are kept for {@link #starts}. */
    record Sniffed(InputStream stream, byte[] head) {
        boolean starts(byte[] magic) {
            return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
        }
    }

    static Sniffed sniff(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(LONGEST);
        byte[] head = buffered.readNBytes(LONGEST);
        buffered.reset();
        return new Sniffed(buffered, head);
    }

    /** Why a file with these first bytes cannot be read as data ("is gzip-compressed: …"), or null. */
    static String refusal(Sniffed file) {
        for (Signature s : REFUSED) {
            if (file.starts(s.magic())) {
                return s.what();
            }
        }
        return null;
    }
}
