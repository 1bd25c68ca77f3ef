package org.sanaq.checks;

import java.util.List;

import org.sanaq.checks.digits.DigitTestsCheck;
import org.sanaq.checks.fingerprint.FingerprintCheck;
import org.sanaq.checks.integrity.ProtocolIntegrityCheck;
import org.sanaq.checks.klimek.KlimekCheck;
import org.sanaq.checks.neighbours.NeighboursCheck;
import org.sanaq.checks.observer.OfficialVsObserverCheck;
import org.sanaq.checks.panel.PanelCheck;
import org.sanaq.checks.peaks.IntegerPeaksCheck;
import org.sanaq.checks.roundpct.RoundPercentageCheck;
import org.sanaq.results.CheckDescription;
import org.sanaq.run.DuplicateProtocols;
import org.sanaq.text.Messages;

/** Every check sanaq has, in the order the report presents them. A new check is one line here. */
public final class CheckCatalog {
    private static final List<Check<?>> CHECKS = List.of(
            new RoundPercentageCheck(),
            new ProtocolIntegrityCheck(),
            new OfficialVsObserverCheck(),
            new DigitTestsCheck(),
            new FingerprintCheck(),
            new KlimekCheck(),
            new IntegerPeaksCheck(),
            new NeighboursCheck(),
            new PanelCheck());

    private CheckCatalog() {
    }

    public static List<Check<?>> all() {
        return CHECKS;
    }

    /** The check with this id, or null. */
    public static Check<?> find(String id) {
        return CHECKS.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * What the report says about a check id: a check's description, or that of a step every run takes
     * (duplicate protocols); null for an unknown id.
     */
    public static CheckDescription describe(String id) {
        if (DuplicateProtocols.ID.equals(id)) {
            return DuplicateProtocols.DESCRIPTION;
        }
        Check check = find(id);
        return check == null ? null : check.description();
    }

    /**
     * A check's description in the language of {@code messages}: from its message file when the file has its words
     * ({@code <id>.title} and the rest, see {@link CheckDescription#of}), else as {@link #describe(String)} gives it.
     */
    public static CheckDescription describe(String id, Messages messages) {
        return messages.defines(id + ".title") ? CheckDescription.of(id, messages) : describe(id);
    }

    public static List<String> ids() {
        return CHECKS.stream().map(Check::id).toList();
    }
}
