package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.results.Verdict;

/** A page-1 finding as a story card: its fact, strength and effect, innocent explanation and limits. */
class StoryCardTest {
    private static final Wording EN = Wording.of("en");
    private static final Wording RU = Wording.of("ru");

    @Test
    void theFirstSentenceEndsAtAStopOutsideBracketsBeforeACapital() {
        assertEquals("Peaks (exact null: p = 3.1e-38; Monte Carlo. Null) are many.",
                StoryCard.firstSentence("Peaks (exact null: p = 3.1e-38; Monte Carlo. Null) are many. Worth a look."));
        assertEquals("Found by D. Kobak, e.g. Astana, at 42.91 %.",
                StoryCard.firstSentence("Found by D. Kobak, e.g. Astana, at 42.91 %. Next."));
        assertEquals("No stop at all", StoryCard.firstSentence("No stop at all"));
    }

    @Test
    void theFactTakesASecondSentenceWithFiguresWhenBothAreShort() {
        assertEquals("6 of 97,699 protocols break a relation. The largest gap: precinct 1495, 864 against 861.",
                StoryCard.fact("6 of 97,699 protocols break a relation. The largest gap: precinct 1495, 864 against "
                        + "861. A typing error can explain it."));
        assertEquals("139 of 189 figures are round.", StoryCard.fact("139 of 189 figures are round. Worth a closer "
                + "look. 393 special stations left out."), "a hedge without figures ends the fact");
        String longFirst = "x".repeat(StoryCard.FACT_LENGTH) + ".";
        assertEquals(longFirst, StoryCard.fact(longFirst + " The largest gap: 3 votes."), "too long for two");
    }

    @Test
    void theEffectSaysHowMuchOfWhatInTheLanguage() {
        Effect shpilkin = new Effect(10_283_476.4, Effect.Unit.VOTES, 56_027_406.0, Effect.Basis.ESTIMATE);
        assertEquals("about 10,283,476 votes, 18.4 % of the candidate's 56,027,406 votes",
                StoryCard.effect(shpilkin, EN));
        assertEquals("около 10\u202F283\u202F476 голосов, 18,4 % из 56\u202F027\u202F406 голосов кандидата",
                StoryCard.effect(shpilkin, RU));
        assertEquals("6 protocols, 0.0061 % of the 97,699 checked", StoryCard.effect(Effect.precincts(6, 97_699.0),
                EN));
        assertEquals("1 protocol", StoryCard.effect(Effect.precincts(1, null), EN));
        assertEquals("3 голоса", StoryCard.effect(Effect.votes(3, null), RU));
        assertEquals("1,511 precincts more than chance gives, 1.7 % of the 91,092 tested", StoryCard.effect(
                new Effect(1_511.3, Effect.Unit.PRECINCTS, 91_092.0, Effect.Basis.TEST), EN));
        assertEquals("none in votes (the statistic measures a pattern, not an amount)", StoryCard.effect(null, EN));
    }

    @Test
    void theCardTakesTheChecksOwnLimitsAndTheStatisticsWhereTheyDiffer() {
        Finding bulletin = new Finding("protocol_integrity", "region=Astana", "turnout",
                "final_minus_last_report_voters", 2588.0, null, null, Verdict.FLAG,
                "Astana: the final count exceeds the last report by 2,588 voters. A late report may explain it.",
                List.of(), Effect.votes(2588, 341_118.0));
        StoryCard card = StoryCard.of(bulletin, EN, "Protocol integrity");
        assertEquals("Astana: the final count exceeds the last report by 2,588 voters.", card.fact());
        assertEquals("Counted from the documents · Effect: 2,588 votes, 0.76 % of the 341,118 counted there",
                card.weight());
        assertEquals("Could be innocent: a late report, voters still queueing at closing, or a correction of the "
                + "preliminary figure.", card.innocent());
        assertEquals("Where: Astana · check: Protocol integrity", card.where());
        Finding digits = new Finding("digit_tests", "national", "turnout", "lastc", 4.43, 7.6e-15, 7.6e-15,
                Verdict.FLAG, "LastC is 4.43.", List.of(), null);
        StoryCard digitCard = StoryCard.of(digits, EN, "Digits");
        assertEquals("Beyond chance (p < 10⁻¹⁰) · Effect: none in votes (the statistic measures a pattern, not an "
                + "amount)", digitCard.weight());
        assertEquals("Does not show: how many votes are concerned, or where: digit tests are weak evidence on their "
                + "own.", digitCard.doesNotShow());
    }
}
