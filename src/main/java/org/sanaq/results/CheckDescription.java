package org.sanaq.results;

/**
 * What a report says about a check, whatever its results: its title, the question it asks in plain words, the
 * method in brief with its source, and what else than falsification could produce a flag.
 */
public record CheckDescription(String id, String title, String question, String method, String caveats) {
}
