package org.sanaq.checks;

import java.util.List;

import org.sanaq.checks.integrity.ProtocolIntegrityCheck;
import org.sanaq.checks.roundpct.RoundPercentageCheck;

/** Every check sanaq has, in the order the report presents them. A new check is one line here. */
public final class CheckCatalog {
    private static final List<Check> CHECKS = List.of(
            new RoundPercentageCheck(),
            new ProtocolIntegrityCheck());

    private CheckCatalog() {
    }

    public static List<Check> all() {
        return CHECKS;
    }

    /** The check with this id, or null. */
    public static Check find(String id) {
        return CHECKS.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    public static List<String> ids() {
        return CHECKS.stream().map(Check::id).toList();
    }
}
