package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;

/** What a failed check says: one line from the innermost cause, and which failures are no check's to report. */
class CheckFailureTest {

    @Test
    void theMessageIsTheInnermostCausesFirstLineWithoutTheSparkWrapping() {
        SparkException task = new SparkException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 "
                + "times, most recent failure: java.lang.ArithmeticException: / by zero\n\tat Foo.bar(Foo.java:1)",
                new RuntimeException("[FAILED_EXECUTE_UDF] Failed to execute user defined function",
                        new ArithmeticException("/ by zero\n\tat Foo.bar(Foo.java:1)")));
        assertEquals(new CheckFailure("fingerprint", "/ by zero"), CheckFailure.of("fingerprint", task));
    }

    @Test
    void aCauseWithoutAMessageLeavesTheOuterMessageOrElseTheClassName() {
        assertEquals("outer", CheckFailure.of("c", new IllegalStateException("outer",
                new NullPointerException())).message());
        assertEquals("NullPointerException", CheckFailure.of("c", new NullPointerException()).message());
    }

    @Test
    void aLongMessageIsCutAndOneFinalDotDropped() {
        String message = CheckFailure.of("c", new IllegalStateException("x".repeat(1000))).message();
        assertEquals(CheckFailure.MAX_MESSAGE + 1, message.length());
        assertTrue(message.endsWith("x…"));
        assertEquals("it broke", CheckFailure.of("c", new IllegalStateException("it broke.")).message());
    }

    @Test
    void errorsAndInterruptionsAreFatalWhereverTheyAreInTheChain() {
        assertTrue(CheckFailure.fatal(new OutOfMemoryError()));
        assertTrue(CheckFailure.fatal(new SparkException("Job aborted", new OutOfMemoryError("Java heap space"))));
        assertTrue(CheckFailure.fatal(new RuntimeException(new NoClassDefFoundError("org/x/Y"))));
        assertTrue(CheckFailure.fatal(new RuntimeException(new InterruptedException())));
        assertFalse(CheckFailure.fatal(new SparkException("Job aborted", new AssertionError("a task's assert"))));
        assertFalse(CheckFailure.fatal(new IllegalStateException("a check's bug")));
    }

    @Test
    void theFindingNamesACatalogCheckByItsTitleAndKeepsAMessageThatSaysNaN() {
        Finding en = new CheckFailure("fingerprint", "value NaN is out of range").finding(Messages.of("en"));
        assertEquals(Verdict.ERROR, en.verdict());
        assertEquals("fingerprint", en.check());
        assertEquals("The check “" + Messages.of("en").format("fingerprint.title") + " (fingerprint)” could not run: "
                + "value NaN is out of range. Nothing can be concluded from it; the other checks are unaffected.",
                en.sentence());
        Finding ru = new CheckFailure("no_such_check", "сломалось").finding(Messages.of("ru"));
        assertEquals("Проверка «no_such_check» не выполнена: сломалось. Из неё ничего нельзя заключить; остальные "
                + "проверки это не затрагивает.", ru.sentence());
    }
}
