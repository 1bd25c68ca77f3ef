package org.sanaq.checks.integrity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.sanaq.text.Messages;
import org.sanaq.text.Numbers;
import org.sanaq.text.Times;

/**
 * The sentence of an election-day comparison ({@link ElectionDayReports}), each figure named for what it is: the
 * last report as a reader would quote it ("at 22:00 local time, gave 42.91 %"), and the bound in its parts, the
 * voters who came between the last two reports and, apart from them, the voters that the rounding of a printed
 * turnout can hide, which are an uncertainty and never called voters who came.
 */
final class ElectionDaySentence {
    private static final String KEY = ProtocolIntegrityCheck.ID + ".election_day.";

    private final Messages words;

    ElectionDaySentence(Messages words) {
        this.words = words;
    }

    /** What the final protocol counts, what the last report gave, and how the gap stands against the bound. */
    String of(ElectionDayReports.Comparison c) {
        return words.format(KEY + "final", c.region(), c.finalBallots(), c.registered(), decimal(c.finalPercent(), 2),
                words.format(KEY + "at", Times.clock(c.last().at())), gave(c.last()), c.estimated() ? 1 : 0,
                whole(c.gapVoters()), decimal(c.gapPoints(), 2)) + " " + bound(c);
    }

    /** What a report of the day gave: its count and printed turnout, or the one it has. */
    private String gave(ElectionDayReports.Bulletin report) {
        if (report.voters() == null) {
            return words.format(KEY + "gave.pct", decimal(report.percent()));
        }
        return report.percent() == null ? words.format(KEY + "gave.count", report.voters())
                : words.format(KEY + "gave.count_pct", report.voters(), decimal(report.percent()));
    }

    /**
     * The gap against the bound: within or beyond the voters who came and the rounding allowance, each named; when
     * no voters came between the last two reports (or there is one report), that sanaq allows none still to come.
     */
    private String bound(ElectionDayReports.Comparison c) {
        long growth = whole(c.growth());
        long rounding = whole(c.roundingAllowance());
        String printed = decimal(c.last().percent());
        String bound = growth > 0 && rounding > 0 ? words.format(KEY + "bound.growth_rounding", growth, rounding,
                printed)
                : growth > 0 ? words.format(KEY + "bound.growth", growth)
                : rounding > 0 ? words.format(KEY + "bound.rounding", rounding, printed) : null;
        List<String> parts = new ArrayList<>();
        if (bound != null) {
            parts.add(words.format(KEY + (c.flagged() ? "beyond" : "within"), bound));
        }
        if (growth == 0) {
            parts.add(words.format(KEY + (c.previous() == null ? "single" : "no_growth")));
        }
        if (c.flagged()) {
            parts.add(words.format(KEY + "explain"));
        }
        return String.join(" ", parts);
    }

    private static long whole(BigDecimal x) {
        return x.setScale(0, RoundingMode.HALF_UP).longValue();
    }

    private String decimal(BigDecimal x, int decimals) {
        return decimal(x.setScale(decimals, RoundingMode.HALF_UP));
    }

    private String decimal(BigDecimal x) {
        return Numbers.decimal(x, words.locale());
    }
}
