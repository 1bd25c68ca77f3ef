package org.sanaq.text;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times of day as readers write them: a report stamped {@code 2023-03-19T22:00:00+06:00} was published at 22:00
 * local time (the time as written, in the offset it was written in), which is what a sentence says; the table and
 * the CSV keep the full stamp.
 */
public final class Times {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private Times() {
    }

    /** The local time of day of an ISO date-time ("22:00"); a text that is not one is returned as it is. */
    public static String clock(String isoDateTime) {
        if (isoDateTime == null) {
            return "";
        }
        String text = isoDateTime.strip();
        try {
            return OffsetDateTime.parse(text).format(CLOCK);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).format(CLOCK);
            } catch (DateTimeParseException notLocal) {
                return text;
            }
        }
    }
}
