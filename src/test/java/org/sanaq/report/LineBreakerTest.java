package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToDoubleFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Text layout is linear in the text's length: a 50,000-character unbroken name (the 5,000 took minutes)
 * looks each character's width up at most twice, and every line fits.
 */
class LineBreakerTest {
    private static final int LENGTH = 50_000;

    @Test
    void anUnbrokenNameIsBrokenAtTheWidthWithTwoLookupsPerCharacterAtMost() {
        AtomicLong lookups = new AtomicLong();
        IntToDoubleFunction advance = c -> {
            lookups.incrementAndGet();
            return c == 'W' ? 2 : 1;
        };
        String name = "W".repeat(10) + "a".repeat(LENGTH - 10);
        List<String> lines = new LineBreaker(advance).wrap(name, 100);
        assertTrue(lookups.get() <= 2L * LENGTH + 1, lookups + " width lookups for " + LENGTH + " characters");
        assertEquals(name, String.join("", lines), "nothing lost or added");
        assertEquals("W".repeat(10) + "a".repeat(80), lines.get(0), "the first line is filled to the width");
        assertEquals(1 + (LENGTH - 90 + 99) / 100, lines.size());
    }

    @Test
    void wordsWrapAtSpacesAndOverLongWordsAreBroken() {
        LineBreaker breaker = new LineBreaker(c -> 1);
        assertEquals(List.of("ab cd", "efghij", "klmnop", "q"), breaker.wrap("ab cd efghij klmnopq", 6));
        assertEquals(List.of(""), breaker.wrap("", 6), "an empty text is one empty line");
    }

    @Test
    void cutIsLinearAndEndsWithAnEllipsis() {
        AtomicLong lookups = new AtomicLong();
        LineBreaker breaker = new LineBreaker(c -> {
            lookups.incrementAndGet();
            return 1;
        });
        assertEquals("a".repeat(9) + "…", breaker.cut("a".repeat(LENGTH), 10));
        assertTrue(lookups.get() <= 20, lookups + " lookups: it stops once the width is passed");
        assertEquals("short", breaker.cut("short", 10));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard (cubic took 133 s at 2,000 characters); linearity is the lookup count
    void thePdfLaysOutAFiftyThousandCharacterNameWithItsFont() throws Exception {
        try (PDDocument document = new PDDocument(); PdfLayout layout = new PdfLayout(document)) {
            String name = "Ж".repeat(LENGTH);
            List<String> lines = layout.wrap(name, layout.font(false), 10, 400);
            assertEquals(name, String.join("", lines));
            for (String line : lines.subList(0, 3)) {
                assertTrue(layout.width(line, false, 10) <= 400 + 1e-3, line.length() + " characters too wide");
            }
            assertTrue(layout.cut(name, false, 10, 200).endsWith("…"));
        }
    }
}
