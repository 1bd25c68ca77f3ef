package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

import org.sanaq.results.DetailTable;
import org.sanaq.text.Messages;

/** Column headers, cells and scopes of the report's tables in words, in English and Russian. */
class TableWordsTest {
    /**
     * Every column code of the detail tables the shipped jobs write: the headers of tables/*.csv of the kz-2023,
     * ge-2024 and ru-2018 runs (issue 18's baselines), and the columns of the tables those runs leave empty
     * (observer lower bound, misreadings, excesses; integrity kinds).
     */
    static final List<String> SHIPPED_COLUMNS = List.of("2bl", "_file", "_line", "abs_difference", "adjacent_pairs",
            "adjacent_pairs_expected", "at_least", "at_most", "balance", "base", "benford1_chi2_p", "benford1_mad",
            "benford2_chi2_p", "bin_high", "bin_low", "bin_width", "bound_voters", "c05s", "c05s_expected",
            "candidate", "chance_round", "changes", "checked", "claimant", "claimed_votes", "confident", "copies",
            "copy_source", "correlation_weighted", "count", "count_minus_target", "counted", "coverage", "d",
            "description", "difference", "difference_total", "differences", "digit", "dipt_p", "district",
            "document_ref", "documents", "election", "eligible", "eligible_cells", "exact_excess", "exact_expected",
            "exact_p_value", "exact_sd", "exact_z", "excess", "excess_total", "expected", "expected_leader_votes",
            "expected_round_cells", "explained", "field", "figure", "file", "final_ballots",
            "final_minus_last_points", "final_minus_last_voters", "final_pct", "flag", "flags", "gained_confident",
            "gained_in_pairs", "kurt", "label", "last_report_at", "last_report_pct", "last_report_voters", "lastc",
            "lastc_expected", "lastdigit_chi2_p", "leader_votes", "left", "level", "line", "lost_confident",
            "lost_in_pairs", "mc_exact_difference_z", "mc_excess", "mc_mean", "mc_p999_minus_mean", "mc_p_value",
            "mc_sd", "misreadings", "n_ge10", "n_ge100", "n_p", "n_p05", "obs", "observed", "observer",
            "observer_total", "official", "official_top_two", "official_total", "official_votes", "p05s",
            "p05s_expected", "p_value", "p_value_adjusted", "pairs_compared", "pairs_differing", "percent_5dp",
            "position", "precinct", "precincts", "published_matches", "published_pct", "q", "reading_confidence",
            "readings", "recounted_top_two", "region", "registered", "registered_with_copy", "relation",
            "repeated_pairs", "repeated_pairs_expected", "reported_at", "right", "round", "round_cells",
            "round_target", "scope", "share", "share_low", "shpilkin_excess_pct_of_leader", "shpilkin_excess_votes",
            "shpilkin_peak_turnout", "sign_test_p", "sign_test_p_confident", "skew", "sobyanin", "source",
            "source_description", "sources", "special_stations", "stations", "stations_above_official", "subject",
            "turnout", "turnout_high", "turnout_low", "turnout_pct", "value", "variable", "violations", "voters",
            "voters_estimated_from_pct", "weighting", "with_copy");

    private final Wording en = Wording.of("en");
    private final Wording ru = Wording.of("ru");

    @Test
    void everyShippedColumnHasWordsInEveryLanguage() {
        for (String language : Messages.LANGUAGES) {
            Messages messages = Messages.of(language);
            for (String code : SHIPPED_COLUMNS) {
                assertTrue(messages.has("report.column." + code), language + " has no words for column " + code);
            }
        }
        assertEquals("off the round count by", en.column("count_minus_target"));
        assertEquals("пар с расхождением", ru.column("pairs_differing"));
        assertEquals("знаковый тест, p", ru.column("sign_test_p"));
    }

    @Test
    void aColumnWithoutWordsIsShownAsPlainWords() {
        assertEquals("share of new voters", en.column("share_of_new_voters"));
        assertEquals("line", ru.column("__line_"));
        assertEquals("", en.column(""));
    }

    @Test
    void aDetailTableHasHumanHeadersAndReadableCellsWhileItsCsvKeepsTheCodes() {
        DetailTable detail = new DetailTable("round_percentages_cells", "cells",
                List.of("level", "region", "subject", "count", "percent_5dp", "round_target", "count_minus_target",
                        "chance_round", "published_matches", "precinct", "_line"),
                List.of(List.of("national", "Kazakhstan", "turnout", "6524487", "54.21000", "6499212.12", "25274.88",
                        "8.308699424323452E-6", "true", "00012", "12345")));
        Table shown = SummaryTables.head(TableExcerpt.of(detail), detail.name(), ru);
        assertEquals(List.of("уровень", "регион", "показатель", "число", "процент (5 знаков)", "круглое число",
                "отклонение от круглого числа", "вероятность круглого числа", "совпадает с опубликованным",
                "участок", "строка"), shown.columnNames());
        assertEquals(List.of("вся страна", "Kazakhstan", "явка", "6\u202F524\u202F487", "54,21000",
                "6\u202F499\u202F212", "25\u202F275", "8,31\u00A0×\u00A010⁻⁶", "да", "00012", "12345"),
                row(shown));
        Table english = SummaryTables.head(TableExcerpt.of(detail), detail.name(), en);
        assertEquals(List.of("whole country", "Kazakhstan", "turnout", "6,524,487", "54.21000", "6,499,212", "25,275",
                "8.31\u00A0×\u00A010⁻⁶", "yes", "00012", "12345"), row(english));
        assertEquals("count_minus_target", detail.columns().get(6), "the run folder's table keeps its codes");
    }

    @Test
    void fractionsKeepFourSignificantDigitsAndListsTakeTheLanguagesDecimalMark() {
        CellText cells = new CellText(ru);
        assertEquals("0,3333", cells.cell("share", "0.33333333"));
        assertEquals("-442,4", cells.cell("count_minus_target", "-442.36"));
        assertEquals("0,02", cells.cell("final_minus_last_points", "0.02"));
        assertEquals("< 10⁻¹⁰".replace(' ', '\u00A0'), cells.cell("p_value", "7.09e-196"));
        assertEquals("0,118", cells.cell("sign_test_p", "0.1181"));
        assertEquals("97\u202F306", cells.cell("n_p", "97306"), "n_p counts shares: not a probability");
        assertEquals("3,9264 [3,9090; 3,9430] отмечено", cells.cell("lastc", "3.9264 [3.9090, 3.9430] FLAG"));
        assertEquals("< 0,001", cells.cell("dipt_p", "< 0.001"));
        assertEquals("3.9264 [3.9090, 3.9430] flag", new CellText(en).cell("lastc", "3.9264 [3.9090, 3.9430] FLAG"));
        assertEquals("0.3333", new CellText(en).cell("share", "0.33333333"));
        assertEquals("Tbilisi - 10", cells.cell("region", "Tbilisi - 10"));
        assertEquals("00.10.76", cells.cell("precinct", "00.10.76"));
    }

    @Test
    void scopesAndSourcesAreInTheReportsLanguage() {
        assertEquals("вся страна", ru.scope("national"));
        assertEquals("Astana", ru.scope("region=Astana"));
        assertEquals("R / D", ru.scope("district=R / D"));
        assertEquals("Astana", ru.scope("region=Astana;source=official"));
        assertEquals("Astana (источник: копии наблюдателей (golos))", ru.scope("region=Astana;source=observer:golos"));
        assertEquals("the whole country (source: machine readings of protocol photos (sova))",
                en.scope("national;source=ocr:sova"));
        assertEquals("официальные данные", ru.source("official"));
        assertEquals("указан в данных", ru.source("from the data"));
        assertEquals("tv:rain", ru.source("tv:rain"));
    }

    @Test
    void codesInTheChecksSentencesReadAsWords() {
        assertEquals("Нарушено в 1 из 21 (опубликованных значений явки; источник: официальные данные). Наибольшее "
                + "расхождение: Astana (явка) [файл, строка 19]; копии наблюдателей (golos): 3",
                ShownText.codesInWords("Нарушено в 1 из 21 (опубликованных значений явки; источник: official). "
                        + "Наибольшее расхождение: Astana (turnout) [файл, строка 19]; observer:golos: 3", ru));
        assertEquals("Unofficial turnout of officials (official)", ShownText.codesInWords(
                "Unofficial turnout of officials (official)", en));
        assertEquals("Astana (turnout), official", ShownText.codesInWords("Astana (turnout), official", en));
        assertEquals("Astana: 42,91 % против 43,24 %, 0,33 п. п.; участок 00.10.76, версия 1.2.3",
                ShownText.codesInWords("Astana: 42.91 % против 43.24 %, 0.33 п. п.; участок 00.10.76, версия 1.2.3",
                        ru));
        assertEquals("42.91 %", ShownText.codesInWords("42.91 %", en));
    }

    private static List<String> row(Table table) {
        return table.columnNames().stream().map(c -> table.getString(0, c)).toList();
    }
}
