package org.sanaq.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Refuses the YAML that Jackson would read without a word but not as the writer meant: a key given twice (the last
 * would win), anchors and aliases ({@code title: *j} would become the text "j"), tags ({@code !!java.net.URL},
 * ignored), a second document after {@code ---} (ignored), keys that are lists or maps, and nesting deeper than
 * {@link #MAX_DEPTH}. It reads SnakeYAML's parse events, which never expand an alias and carry each node's line,
 * so that a key given twice is reported with both lines. A {@code *} or {@code &} inside a quoted value is text.
 */
final class StrictYaml {
    /** Levels of nesting allowed: sanaq's deepest key ({@code checks.<id>.inputs.<input>.match_on[0]}) uses 5. */
    static final int MAX_DEPTH = 20;

    /** The prefix SnakeYAML expands {@code !!} to. */
    private static final String STANDARD_TAGS = "tag:yaml.org,2002:";

    /** One open map or list: its path and what it has seen so far. */
    private static final class Level {
        final String path;
        final boolean map;
        /** For a map: the line of each key given; for a list: unused. */
        final Map<String, Integer> keyLines = new HashMap<>();
        /** For a map: the key whose value comes next, or null when a key comes next. */
        String key;
        /** For a list: the index of the next item. */
        int index;

        Level(String path, boolean map) {
            this.path = path;
            this.map = map;
        }

        boolean expectsKey() {
            return map && key == null;
        }

        String child() {
            String name = map ? YamlFiles.shown(key) : "[" + index + "]";
            return path.isEmpty() || !map ? path + name : path + "." + name;
        }

        void valueDone() {
            if (map) {
                key = null;
            } else {
                index++;
            }
        }
    }

    private final Deque<Level> open = new ArrayDeque<>();
    private int documents;

    private StrictYaml() {
    }

    /** Checks {@code text}; a syntax error becomes one line with its position, as Jackson's are reported. */
    static void check(String text) throws IOException {
        StrictYaml strict = new StrictYaml();
        try {
            for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                strict.accept(event);
            }
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            String where = at == null ? "" : " at line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1);
            throw new IOException("not valid YAML" + where + ": " + YamlFiles.shown(String.valueOf(e.getProblem())));
        } catch (YAMLException e) {
            // a character YAML does not allow, say: the message gives its position
            throw new IOException("not valid YAML: " + YamlFiles.shown(String.valueOf(e.getMessage())));
        }
    }

    private void accept(Event event) throws IOException {
        if (event instanceof DocumentStartEvent && ++documents > 1) {
            throw refused("", "a second YAML document starts at line " + line(event)
                    + " ('---'); a file holds one, so remove the second or move it to a file of its own");
        }
        if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
            open.pop();
            if (!open.isEmpty()) {
                open.peek().valueDone();
            }
            return;
        }
        if (!(event instanceof NodeEvent node)) {
            return;
        }
        Level parent = open.peek();
        boolean isKey = parent != null && parent.expectsKey();
        String path = parent == null ? "" : isKey ? parent.path : parent.child();
        refuseAnchorsAliasesAndTags(node, path);
        if (isKey) {
            key(parent, node);
        } else if (node instanceof CollectionStartEvent) {
            if (open.size() >= MAX_DEPTH) {
                throw refused(path, "nests deeper than " + MAX_DEPTH + " levels; no sanaq file needs more than 5");
            }
            open.push(new Level(path, node instanceof MappingStartEvent));
        } else if (parent != null) {
            parent.valueDone();
        }
    }

    private void key(Level map, NodeEvent node) throws IOException {
        if (!(node instanceof ScalarEvent scalar)) {
            throw refused(map.path, "a key at line " + line(node) + " is a list or a map; keys are plain names");
        }
        String key = scalar.getValue();
        Integer first = map.keyLines.putIfAbsent(key, line(node));
        map.key = key;
        if (first != null) {
            throw refused(map.child(), "given twice (lines " + first + " and " + line(node) + "); keep one");
        }
    }

    private static void refuseAnchorsAliasesAndTags(NodeEvent node, String path) throws IOException {
        if (node instanceof AliasEvent || node.getAnchor() != null) {
            String found = (node instanceof AliasEvent ? "*" : "&") + node.getAnchor();
            throw refused(path, "YAML anchors and aliases (&, *) are not supported: write the value out (found "
                    + found + " at line " + line(node) + "; put a value starting with & or * in quotes)");
        }
        String tag = node instanceof ScalarEvent s ? s.getTag()
                : node instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null) {
            tag = tag.startsWith(STANDARD_TAGS) ? "!!" + tag.substring(STANDARD_TAGS.length()) : tag;
            throw refused(path, "YAML tags (!, !!) are not supported: write the value plainly, in quotes if it is "
                    + "text (found " + tag + " at line " + line(node) + ")");
        }
    }

    /** A YAML feature refused, where it was found: the key's path (empty for the document) and what to do. */
    private static IOException refused(String path, String message) {
        return new IOException(path.isEmpty() ? message : path + ": " + message);
    }

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }
}
