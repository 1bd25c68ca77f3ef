package org.sanaq.run;

import java.util.List;

import org.sanaq.results.CheckOutcome;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;
import org.sanaq.text.Messages;

/**
 * A check that could not run: an exception in its plan, its compute (its fold in the shared pass, or a joining
 * check's own join) or in its judge. The run records it as the check's only finding, {@link Verdict#ERROR}, whose sentence
 * names the check and the message (report key {@code report.check_failed}); the other checks are unaffected.
 *
 * @param check   the check's id
 * @param message what went wrong, on one line: the innermost cause's message (a Spark task's failure arrives
 *                wrapped in a SparkException whose own message repeats the executor's stack trace)
 */
public record CheckFailure(String check, String message) {
    /** Characters of a message kept in the report; the rest is cut with "…" (the stack trace is on stderr). */
    static final int MAX_MESSAGE = 300;

    /** The failure of {@code check} by {@code e}, its message taken from the innermost cause that has one. */
    public static CheckFailure of(String check, Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            } else if (message == null) {
                message = t.getClass().getSimpleName();
            }
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        if (line.length() > MAX_MESSAGE) {
            line = line.substring(0, MAX_MESSAGE) + "…";
        }
        return new CheckFailure(check, line.endsWith(".") ? line.substring(0, line.length() - 1) : line);
    }

    /**
     * Whether a failure must end the run rather than one check: the JVM is out of memory or otherwise broken
     * (a {@link VirtualMachineError} or {@link LinkageError}, also when a Spark task's failure wraps it), or the
     * thread was interrupted. These are what Scala's {@code NonFatal} leaves out, as Spark does.
     */
    public static boolean fatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VirtualMachineError || t instanceof LinkageError || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ERROR finding that stands for the check's results, in the report's language: national, statistic
     * {@code check_failed}, no subject, value or p-value.
     */
    public Finding finding(Messages messages) {
        String name = messages.defines(check + ".title") ? messages.format(check + ".title") + " (" + check + ")"
                : check;
        return new Finding(check, "national", null, "check_failed", null, null, null, Verdict.ERROR,
                messages.format("report.check_failed", name, message), List.of(), null);
    }

    /** The check's outcome: that finding alone, no metric, table or chart. */
    public CheckOutcome outcome(Messages messages) {
        return new CheckOutcome(check, List.of(), List.of(finding(messages)), List.of(), List.of());
    }
}
