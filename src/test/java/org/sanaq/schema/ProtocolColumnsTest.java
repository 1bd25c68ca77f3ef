package org.sanaq.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sanaq.SparkTestSession;

/** The base of the shares under each convention, on a tiny table. */
class ProtocolColumnsTest {
    private static final StructType SCHEMA = ProtocolSchema.protocols();

    /**
     * Three protocols, valid 90 and invalid 10 each: the first gives the ballots in the boxes as one total (104: four
     * more than valid + invalid, an inconsistent protocol), the second as portable 20 + stationary 80 boxes, the
     * third not at all. Shares of valid ballots are of 90; of valid + invalid, of 100; of all ballots cast, of 104,
     * of 20 + 80 = 100, and not reported (null) where the boxes are not given.
     */
    @Test
    void eachShareBaseOnATinyTable() {
        List<Row> rows = List.of(protocol(1, 104L, null, null), protocol(2, null, 20L, 80L),
                protocol(3, null, null, null));
        assertEquals(Arrays.asList(90L, 90L, 90L), bases(rows, Conventions.ShareBase.VALID));
        assertEquals(Arrays.asList(100L, 100L, 100L), bases(rows, Conventions.ShareBase.VALID_PLUS_INVALID));
        assertEquals(Arrays.asList(104L, 100L, null), bases(rows, Conventions.ShareBase.CAST));
    }

    private static List<Long> bases(List<Row> rows, Conventions.ShareBase base) {
        Conventions conventions = new Conventions(Conventions.Turnout.BALLOTS_ISSUED, base);
        List<Long> out = new ArrayList<>();
        SparkTestSession.get().createDataFrame(rows, SCHEMA).orderBy(ProtocolSchema.LINE)
                .select(ProtocolColumns.shareBase(conventions)).collectAsList()
                .forEach(r -> out.add(r.isNullAt(0) ? null : r.getLong(0)));
        return out;
    }

    private static Row protocol(long line, Long cast, Long portable, Long stationary) {
        Object[] v = new Object[SCHEMA.length()];
        v[SCHEMA.fieldIndex(Field.VALID.column())] = 90L;
        v[SCHEMA.fieldIndex(Field.INVALID.column())] = 10L;
        v[SCHEMA.fieldIndex(Field.BALLOTS_CAST.column())] = cast;
        v[SCHEMA.fieldIndex(Field.BALLOTS_IN_PORTABLE_BOXES.column())] = portable;
        v[SCHEMA.fieldIndex(Field.BALLOTS_IN_STATIONARY_BOXES.column())] = stationary;
        v[SCHEMA.fieldIndex(ProtocolSchema.INPUT)] = "test";
        v[SCHEMA.fieldIndex(ProtocolSchema.FILE)] = "test.csv";
        v[SCHEMA.fieldIndex(ProtocolSchema.LINE)] = line;
        return RowFactory.create(v);
    }
}
