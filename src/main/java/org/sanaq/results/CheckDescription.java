package org.sanaq.results;

import org.sanaq.text.Messages;

/**
 * What a report says about a check, whatever its results: its title, the question it asks in plain words, the
 * method in brief with its source, and what else than falsification could produce a flag.
 */
public record CheckDescription(String id, String title, String question, String method, String caveats) {

    /**
     * A check's description in a language, from its message file: the keys {@code <id>.title}, {@code <id>.question},
     * {@code <id>.method} and {@code <id>.caveats}.
     */
    public static CheckDescription of(String id, Messages messages) {
        return new CheckDescription(id, messages.format(id + ".title"), messages.format(id + ".question"),
                messages.format(id + ".method"), messages.format(id + ".caveats"));
    }
}
