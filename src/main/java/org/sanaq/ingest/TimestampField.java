package org.sanaq.ingest;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * A time field ({@code reported_at}) of a mapping fitted to one file: its text, kept as written once it reads as an
 * ISO 8601 date-time with an offset ({@code 2023-03-19T10:00+06:00}) or without one ({@code 2023-03-19T10:00}).
 * A file writes every time in one of the two forms, so the form the last cell had is tried first: a parse that fails
 * (an exception) happens only where the form changes or the text is no date-time. It serves one file in one thread.
 */
final class TimestampField {
    private static final List<Function<String, ?>> FORMS = List.of(OffsetDateTime::parse, LocalDateTime::parse);

    private final FieldRule.BoundField rule;
    private Function<String, ?> lastForm = FORMS.get(0);

    TimestampField(FieldRule.BoundField rule) {
        this.rule = rule;
    }

    /** The field's text in a record, null when not reported. */
    String value(List<String> cells) throws NumberFormat.NumberProblem {
        String text = rule.text(cells);
        if (text == null || parses(lastForm, text)) {
            return text;
        }
        for (Function<String, ?> form : FORMS) {
            if (form != lastForm && parses(form, text)) {
                lastForm = form;
                return text;
            }
        }
        throw new NumberFormat.NumberProblem("'" + text + "' is not an ISO 8601 date-time");
    }

    private static boolean parses(Function<String, ?> form, String text) {
        try {
            form.apply(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
