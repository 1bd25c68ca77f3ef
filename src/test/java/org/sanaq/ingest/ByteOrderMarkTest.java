package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A UTF-8 byte-order mark is dropped whatever encoding the mapping declares, and a header that does not fit says
 * what encoding the file's bytes look like.
 */
class ByteOrderMarkTest {
    @TempDir
    Path dir;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] withBom(String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private Mapping mapping(String encoding, String regionColumn) throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, """
                encoding: %s
                constants: {election: e, source: official, level: precinct}
                fields: {region: "%s", precinct: p, registered: reg}
                candidates: {pattern: "^party"}
                """.formatted(encoding, regionColumn), StandardCharsets.UTF_8);
        return MappingLoader.load(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1251", "ISO-8859-1"})
    void theMarkIsDroppedWhateverTheDeclaredEncoding(String encoding) throws Exception {
        Mapping m = mapping(encoding, "COD_EDO");
        byte[] bytes = withBom("COD_EDO,p,reg,party A\nR,1,100,40\n", StandardCharsets.US_ASCII);
        DataFiles.Entry entry = DataFiles.open("f.csv", new ByteArrayInputStream(bytes), m.format()).next();
        CsvRecord header = DataFiles.header(entry.reader(), m.format());
        assertEquals(List.of("COD_EDO", "p", "reg", "party A"), header.cells());
        assertEquals("R", m.bind(header.cells()).convert(entry.reader().next()).protocols().get(0)
                .text(org.sanaq.schema.Field.REGION));
    }

    private String headerError(String encoding, String regionColumn, byte[] bytes) throws Exception {
        Path data = dir.resolve("f.csv");
        Files.write(data, bytes);
        InputSpec input = new InputSpec("in", List.of(data.toString()), mapping(encoding, regionColumn));
        return assertThrows(MappingException.class, () -> DataFiles.checkLocalHeaders(input)).getMessage();
    }

    @Test
    void aHeaderErrorSaysTheBytesAreUtf8() throws Exception {
        // the mapping names a column the file does not have; the file is UTF-8 read as windows-1251
        String m = headerError("windows-1251", "Регион", "Область,p,reg,party A\nR,1,100,40\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(true, m.endsWith("; its bytes are valid UTF-8: declare encoding: UTF-8 in the mapping"), m);
    }

    @Test
    void aHeaderErrorSaysTheFileStartsWithAByteOrderMark() throws Exception {
        String m = headerError("ISO-8859-1", "Región", withBom("Region,p,reg,party A\n", StandardCharsets.UTF_8));
        assertEquals(true, m.endsWith("; the file starts with a UTF-8 byte-order mark: declare encoding: UTF-8 in "
                + "the mapping"), m);
    }

    @Test
    void aHeaderErrorSaysTheBytesReadAsCyrillic() throws Exception {
        Charset cp1251 = Charset.forName("windows-1251");
        String m = headerError("UTF-8", "Регион", "Регион,p,reg,party A\nМосква,1,100,40\n".getBytes(cp1251));
        assertEquals(true, m.endsWith("; its bytes read as Cyrillic in windows-1251: declare encoding: windows-1251 "
                + "in the mapping"), m);
        // declared right, a wrong column name gets no hint
        String right = headerError("windows-1251", "Регионы", "Регион,p,reg,party A\n".getBytes(cp1251));
        assertEquals(true, right.endsWith(")"), right);
    }

    @Test
    void aZipGetsNoGuessFromItsCompressedBytes() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("f.csv"));
            out.write("Región,p,reg,party A\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        assertEquals("", EncodingHint.of(zip.toByteArray(), "UTF-8"));
    }

    @Test
    void aHeaderErrorSaysTheBytesReadAsLatin() throws Exception {
        String m = headerError("UTF-8", "Region", "Región,p,reg,party A\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(true, m.endsWith("; its bytes are not UTF-8 and read as Latin letters: declare encoding: "
                + "windows-1252 (or ISO-8859-1) in the mapping"), m);
    }
}
