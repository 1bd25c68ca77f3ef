package org.sanaq.checks.neighbours;

import java.io.Serializable;

import org.apache.spark.sql.Row;
import org.sanaq.checks.neighbours.UnitScores.ScoredPrecinct;

/**
 * One precinct of a unit or random group as {@link UnitScores} shuffles it: a row of its input. The copies for the
 * random groupings carry no {@code shown} figures (only real precincts are listed), to keep the shuffle small.
 */
record Member(String region, String unit, String key, String file, long line, double yTurnout, double varTurnout,
        double yShare, double varShare, Row shown) implements Serializable {

    /** The member of an input row (columns {@link UnitScores#COLUMNS}; a null region or unit reads as ""). */
    static Member of(Row row) {
        return new Member(text(row, 0), text(row, 1), row.getString(2), row.getString(3), row.getLong(4),
                row.getDouble(5), row.getDouble(6), row.getDouble(7), row.getDouble(8), row.getStruct(9));
    }

    /** The copy that goes into a random group: no figures to show. */
    Member placeboCopy() {
        return new Member(region, unit, key, file, line, yTurnout, varTurnout, yShare, varShare, null);
    }

    /** This real precinct with its scores. */
    ScoredPrecinct scored(UnitScoring.Scored s) {
        return new ScoredPrecinct(region, unit, key, file, line, shown, s.medianTurnout(), s.medianShare(),
                s.zTurnout(), s.zShare(), s.score());
    }

    private static String text(Row row, int i) {
        return row.isNullAt(i) ? "" : row.getString(i);
    }
}
