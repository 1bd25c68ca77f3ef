package org.sanaq.checks;

import java.util.Map;

import org.apache.spark.sql.Row;

/**
 * One row of the shared pass as a fold sees it: its own input columns, by their position in the list the fold
 * declared ({@link ProtocolFold#inputs} or {@link ProtocolFold#candidateInputs}), whatever the other folds read.
 */
public final class FoldRow {
    private final int offset;
    private Row row;

    /** A view of the columns from {@code offset} on; {@link #at} points it at a row. */
    public FoldRow(int offset) {
        this.offset = offset;
    }

    /** This view, now of {@code row} (views are reused from row to row, so a fold must not keep them). */
    public FoldRow at(Row row) {
        this.row = row;
        return this;
    }

    public boolean isNull(int i) {
        return row.isNullAt(offset + i);
    }

    public long getLong(int i) {
        return row.getLong(offset + i);
    }

    /** The value, or null when it is not reported. */
    public Long getLongOrNull(int i) {
        return row.isNullAt(offset + i) ? null : row.getLong(offset + i);
    }

    public double getDouble(int i) {
        return row.getDouble(offset + i);
    }

    /** True when the value is true; false when it is false or null (a filter column). */
    public boolean isTrue(int i) {
        return !row.isNullAt(offset + i) && row.getBoolean(offset + i);
    }

    public String getString(int i) {
        return row.getString(offset + i);
    }

    public <K, V> Map<K, V> getMap(int i) {
        return row.getJavaMap(offset + i);
    }

}
