package org.sanaq.schema;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;

/**
 * Derived protocol quantities as Spark expressions, written once so that every check computes turnout and share
 * bases the same way. Sums propagate "not reported": a total is null when any of its parts is.
 */
public final class ProtocolColumns {
    private ProtocolColumns() {
    }

    public static Column field(Field field) {
        return col(field.column());
    }

    /** G: the ballots issued, as a total or as early + in the station + outside. */
    public static Column ballotsIssued() {
        return coalesce(field(Field.BALLOTS_ISSUED), field(Field.BALLOTS_ISSUED_EARLY)
                .plus(field(Field.BALLOTS_ISSUED_IN_STATION)).plus(field(Field.BALLOTS_ISSUED_OUTSIDE)));
    }

    /** B: the ballots found in the boxes, as a total or as portable + stationary boxes. */
    public static Column ballotsCast() {
        return coalesce(field(Field.BALLOTS_CAST),
                field(Field.BALLOTS_IN_PORTABLE_BOXES).plus(field(Field.BALLOTS_IN_STATIONARY_BOXES)));
    }

    /** The numerator of turnout under the job's convention. */
    public static Column turnoutNumerator(Conventions conventions) {
        return conventions.turnout() == Conventions.Turnout.BALLOTS_ISSUED ? ballotsIssued() : ballotsCast();
    }

    /** The base of candidates' shares under the job's convention. */
    public static Column shareBase(Conventions conventions) {
        return switch (conventions.shareBase()) {
            case VALID -> field(Field.VALID);
            case VALID_PLUS_INVALID -> field(Field.VALID).plus(field(Field.INVALID));
            case CAST -> ballotsCast();
        };
    }
}
