package io.confab.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two forms of a word give the same stem; different words do not. */
class StemsTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "calling, call", "called, call", "bought, buy", "paid, pay", "making, make", "shopping, shop",
            "bikes, bike", "groceries, grocery", "buses, bus", "glasses, glass", "watered, water", "plants, plant",
            "strings, string", "breads, bread", "meetings, meet", "fed, feed"})
    void twoFormsOfAWord_haveTheSameStem(String form, String base) {
        assertThat(Stems.stem(form)).isEqualTo(Stems.stem(base));
    }

    @ParameterizedTest(name = "{0} ≁ {1}")
    @CsvSource({"call, cell", "milk, mile", "bread, bred", "plant, plan"})
    void differentWords_haveDifferentStems(String one, String other) {
        assertThat(Stems.stem(one)).isNotEqualTo(Stems.stem(other));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'bought the milk', 'buy,milk'", "'calling my mom', 'cal,mom'"})
    void wordsOfAText_areStemmedWithoutFillerWords(String text, String stems) {
        assertThat(String.join(",", Stems.of(text))).isEqualTo(stems);
    }
}
