package org.sanaq.schema;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One canonical protocol as plain Java values, before it becomes a Spark row: the field values, the votes per
 * option and the percentages as printed. Built by ingest; immutable once built.
 */
public final class ProtocolRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private final EnumMap<Field, Object> values;
    /** Candidates in name order, so that two copies of a protocol carry the same maps (see {@link #toRow}). */
    private final TreeMap<String, Long> votes;
    private final TreeMap<String, String> publishedPct;
    /** The further named lines of the protocol ({@link ProtocolSchema#LINES}), in name order. */
    private final TreeMap<String, Long> lines;
    /** The reading confidence of single figures ({@link ProtocolSchema#CONFIDENCE}), in name order. */
    private final TreeMap<String, Double> confidence;

    /** A record that takes the maps as they are (one per record, built for it): the caller keeps no reference. */
    public ProtocolRecord(EnumMap<Field, Object> values, TreeMap<String, Long> votes,
            TreeMap<String, String> publishedPct, TreeMap<String, Long> lines, TreeMap<String, Double> confidence) {
        this.values = values;
        this.votes = votes;
        this.publishedPct = publishedPct;
        this.lines = lines;
        this.confidence = confidence;
    }

    public Object get(Field field) {
        return values.get(field);
    }

    public String text(Field field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    public Long count(Field field) {
        return (Long) values.get(field);
    }

    public Map<String, Long> votes() {
        return Collections.unmodifiableMap(votes);
    }

    public Map<String, String> publishedPct() {
        return Collections.unmodifiableMap(publishedPct);
    }

    public Map<String, Long> lines() {
        return Collections.unmodifiableMap(lines);
    }

    public Map<String, Double> confidence() {
        return Collections.unmodifiableMap(confidence);
    }

    /**
     * The Spark row in {@link ProtocolSchema#ingested()} order, with its provenance and no quarantine reason. Its
     * map cells list the candidates in name order whatever the file's column order, so that equal protocols have
     * equal key and entry arrays, which duplicate detection compares without sorting each row's maps.
     *
     * @param raw the record's text as read, kept for a usable row only when its names were cleaned of control
     *     characters (null otherwise)
     */
    public Row toRow(String input, String file, long line, String raw) {
        Object[] cells = new Object[Field.values().length + 9];
        int i = 0;
        for (Field field : Field.values()) {
            cells[i++] = values.get(field);
        }
        // A Row's MapType cell must be a Scala map; JavaConverters exists under both Scala 2.12 and 2.13.
        cells[i++] = scalaMap(votes);
        cells[i++] = scalaMap(publishedPct);
        cells[i++] = scalaMap(lines);
        cells[i++] = scalaMap(confidence);
        cells[i++] = input;
        cells[i++] = file;
        cells[i++] = line;
        cells[i++] = null;
        cells[i] = raw;
        return RowFactory.create(cells);
    }

    /** A Java map as a Spark row's MapType cell holds it (a Scala map, under Scala 2.12 and 2.13 alike). */
    @SuppressWarnings("deprecation")
    public static <V> scala.collection.Map<String, V> scalaMap(Map<String, V> map) {
        return scala.collection.JavaConverters.mapAsScalaMap(map);
    }

    /** A quarantined record in {@link ProtocolSchema#ingested()} order: only provenance, reason and raw text. */
    public static Row quarantineRow(String input, String file, long line, String reason, String raw) {
        Object[] cells = new Object[Field.values().length + 9];
        int i = Field.values().length + 4;
        cells[i++] = input;
        cells[i++] = file;
        cells[i++] = line;
        cells[i++] = reason;
        cells[i] = raw;
        return RowFactory.create(cells);
    }
}
