package org.sanaq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What encoding the first bytes of a data file look like, said when its header does not fit the mapping: a
 * header that reads "ï»¿COD_EDO" or "Ðåãèîí" is most often right in another encoding, and the name to declare is the
 * fix. The signs, in this order: a UTF-8 byte-order mark; bytes that are valid UTF-8 with letters beyond ASCII;
 * bytes that are not UTF-8, where the bytes beyond ASCII mostly stand next to one another (Cyrillic words in
 * windows-1251, where every letter is such a byte) or mostly alone between ASCII letters (Western European words
 * with an accented letter here and there, windows-1252).
 */
final class EncodingHint {
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** How many of a file's first bytes are looked at: its header and a few records. */
    private static final int HEAD = 1 << 14;

    private EncodingHint() {
    }

    /**
     * "; …: declare encoding: X" for a local file whose bytes suggest another encoding than {@code declared}; "" when
     * they do not, or the file is a zip (its entries' bytes are compressed).
     */
    static String of(Path file, String declared) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(HEAD), declared);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String of(byte[] head, String declared) {
        if (head.length >= FileSignatures.ZIP.length && Arrays.equals(head, 0, 4, FileSignatures.ZIP, 0, 4)) {
            return ""; // compressed bytes say nothing of the entries' encoding
        }
        Charset charset = Charset.forName(declared);
        boolean bom = head.length >= UTF8_BOM.length && Arrays.equals(head, 0, 3, UTF8_BOM, 0, 3);
        if (bom && !charset.equals(StandardCharsets.UTF_8)) {
            return "; the file starts with a UTF-8 byte-order mark: declare encoding: UTF-8 in the mapping";
        }
        if (beyondAscii(head) == 0) {
            return "";
        }
        if (isUtf8(head)) {
            return charset.equals(StandardCharsets.UTF_8) ? ""
                    : "; its bytes are valid UTF-8: declare encoding: UTF-8 in the mapping";
        }
        Charset likely = Charset.forName(2 * inRuns(head) > beyondAscii(head) ? "windows-1251" : "windows-1252");
        if (charset.equals(likely) || (likely.name().equals("windows-1252")
                && charset.equals(StandardCharsets.ISO_8859_1))) {
            return "";
        }
        return likely.name().equals("windows-1251")
                ? "; its bytes read as Cyrillic in windows-1251: declare encoding: windows-1251 in the mapping"
                : "; its bytes are not UTF-8 and read as Latin letters: declare encoding: windows-1252 (or "
                        + "ISO-8859-1) in the mapping";
    }

    /** Whether the bytes are UTF-8, a sequence cut by the end of the sample aside. */
    private static boolean isUtf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
    }

    private static int beyondAscii(byte[] head) {
        int n = 0;
        for (byte b : head) {
            n += b < 0 ? 1 : 0;
        }
        return n;
    }

    /** The bytes beyond ASCII next to another such byte. */
    private static int inRuns(byte[] head) {
        int n = 0;
        for (int i = 0; i < head.length; i++) {
            boolean neighbour = (i > 0 && head[i - 1] < 0) || (i + 1 < head.length && head[i + 1] < 0);
            n += head[i] < 0 && neighbour ? 1 : 0;
        }
        return n;
    }
}
