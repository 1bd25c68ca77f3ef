package org.sanaq.schema;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schema of the canonical protocol table. Candidate figures are maps keyed by the option's name as
 * published, so that tables with different candidates, wide or long, union without renaming columns.
 * Three provenance columns say where each row came from: the job input's id, the file and the line.
 */
public final class ProtocolSchema {
    /** {@code votes:<candidate>} of FORMATS.md, as a map from candidate name to votes. */
    public static final String VOTES = "votes";
    /** {@code published_pct:<candidate>} of FORMATS.md, as a map from candidate name to the printed percentage. */
    public static final String PUBLISHED_PCT = "published_pct";
    /**
     * Further named lines of the protocol that the canonical fields do not name (absentee certificates, lines a
     * country adds), as a map from the line's name in the mapping to its count. Empty when the mapping names none.
     */
    public static final String LINES = "lines";
    /**
     * How sure a machine reading of the protocol photo was of each figure, where the data give it per figure: a
     * map from a count field's column or a line's name to a fraction from 0 to 1. Empty when the mapping names none.
     */
    public static final String CONFIDENCE = "confidence";
    public static final String INPUT = "_input";
    public static final String FILE = "_file";
    public static final String LINE = "_line";
    /** Ingest only: why a row was quarantined (null for a usable row). */
    public static final String REASON = "_reason";
    /** Ingest only: the raw text of a quarantined record, or of a used one whose names lost control characters. */
    public static final String RAW = "_raw";

    private ProtocolSchema() {
    }

    /** The canonical table as the checks see it. */
    public static StructType protocols() {
        return new StructType(fields(false).toArray(StructField[]::new));
    }

    /** The table ingest produces: canonical columns plus the quarantine reason and raw record. */
    public static StructType ingested() {
        return new StructType(fields(true).toArray(StructField[]::new));
    }

    private static List<StructField> fields(boolean withQuarantine) {
        List<StructField> out = new ArrayList<>();
        for (Field field : Field.values()) {
            out.add(DataTypes.createStructField(field.column(), sparkType(field.kind()), true));
        }
        out.add(DataTypes.createStructField(VOTES,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true), true));
        out.add(DataTypes.createStructField(PUBLISHED_PCT,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), true));
        out.add(DataTypes.createStructField(LINES,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true), true));
        out.add(DataTypes.createStructField(CONFIDENCE,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, true), true));
        out.add(DataTypes.createStructField(INPUT, DataTypes.StringType, false));
        out.add(DataTypes.createStructField(FILE, DataTypes.StringType, false));
        out.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
        if (withQuarantine) {
            out.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
            out.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        }
        return out;
    }

    static DataType sparkType(Field.Kind kind) {
        return switch (kind) {
            case COUNT -> DataTypes.LongType;
            case FRACTION -> DataTypes.DoubleType;
            case TEXT, PERCENT, TIMESTAMP -> DataTypes.StringType;
        };
    }
}
