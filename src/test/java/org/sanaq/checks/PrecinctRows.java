package org.sanaq.checks;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.sanaq.SparkTestSession;
import org.sanaq.ingest.Ingest;
import org.sanaq.run.JobSpecLoader;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;
import org.sanaq.text.Messages;

/**
 * Precinct protocols for tests of the distribution checks: hand-made rows in the canonical Spark schema (election
 * {@code e}, source official), or the usable rows of a job's inputs; and a check's context with given parameters.
 */
public final class PrecinctRows {
    public static final String ELECTION = "e";
    private static final StructType SCHEMA = ProtocolSchema.protocols();
    private final List<Row> rows = new ArrayList<>();

    /** Adds a precinct: V registered, G issued, valid and invalid ballots, votes by candidate, special or null. */
    public PrecinctRows add(String region, String precinct, long registered, long issued, long valid, long invalid,
            Map<String, Long> votes, String special) {
        Object[] v = new Object[SCHEMA.length()];
        v[SCHEMA.fieldIndex(Field.ELECTION.column())] = ELECTION;
        v[SCHEMA.fieldIndex(Field.SOURCE.column())] = "official";
        v[SCHEMA.fieldIndex(Field.LEVEL.column())] = "precinct";
        v[SCHEMA.fieldIndex(Field.REGION.column())] = region;
        v[SCHEMA.fieldIndex(Field.PRECINCT.column())] = precinct;
        v[SCHEMA.fieldIndex(Field.REGISTERED.column())] = registered;
        v[SCHEMA.fieldIndex(Field.BALLOTS_ISSUED.column())] = issued;
        v[SCHEMA.fieldIndex(Field.VALID.column())] = valid;
        v[SCHEMA.fieldIndex(Field.INVALID.column())] = invalid;
        v[SCHEMA.fieldIndex(Field.SPECIAL.column())] = special;
        v[SCHEMA.fieldIndex(ProtocolSchema.VOTES)] = new java.util.LinkedHashMap<>(votes); // converted by createDataFrame
        v[SCHEMA.fieldIndex(ProtocolSchema.INPUT)] = "test";
        v[SCHEMA.fieldIndex(ProtocolSchema.FILE)] = "test.csv";
        v[SCHEMA.fieldIndex(ProtocolSchema.LINE)] = (long) rows.size() + 2;
        rows.add(RowFactory.create(v));
        return this;
    }

    public Dataset<Row> dataset() {
        return SparkTestSession.get().createDataFrame(rows, SCHEMA);
    }

    /** The usable protocols of a job's inputs, as the runner hands them to the checks (duplicates aside). */
    public static Dataset<Row> ofJob(Path job) throws Exception {
        return Ingest.read(SparkTestSession.get(), JobSpecLoader.load(job).inputs())
                .filter(col(ProtocolSchema.REASON).isNull()).drop(ProtocolSchema.REASON, ProtocolSchema.RAW).cache();
    }

    /** The context of {@code check} for an election, with its defaults overridden by {@code given}. */
    public static CheckContext context(Check check, String election, Conventions conventions,
            Map<String, Object> given) throws Exception {
        CheckParameters parameters = new CheckParameters("checks." + check.id(), check.defaults(), given);
        check.validate(parameters);
        return new CheckContext(election, "C", conventions, parameters, Messages.of("en"));
    }
}
