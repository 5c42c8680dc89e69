package io.confab.application.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Titles from the user's first message or a model's suggestion: one tidy line, at most 60 characters, cut at a word. */
class TitlesTest {

    @Test
    void aShortMessage_isTheTitle_onOneLine() {
        assertThat(Titles.from("  Buy\n milk   today ")).isEqualTo("Buy milk today");
    }

    @Test
    void aLongMessage_isCutAtAWordBoundary_withinSixtyCharacters() {
        String title = Titles.from("Please help me plan a three week trip through Portugal and Spain by train");

        assertThat(title).isEqualTo("Please help me plan a three week trip through Portugal and…");
        assertThat(title.length()).isLessThanOrEqualTo(60);
    }

    @Test
    void aTitleWithNulCharacters_dropsThem() {
        assertThat(Titles.from("Buy\0 milk\0")).isEqualTo("Buy milk");
    }

    @Test
    void aModelsSuggestion_isItsFirstLine_withoutPrefixQuotesOrFinalPeriod_capitalised() {
        assertThat(Titles.fromSuggestion("Title: \"weekend shopping.\"\nmore")).contains("Weekend shopping");
        assertThat(Titles.fromSuggestion("**Trip\0 planning**")).contains("Trip planning");
    }

    @Test
    void aLongSuggestion_isCutAtAWord_andAnEmptyOneIsNone() {
        assertThat(Titles.fromSuggestion("a".repeat(30) + " " + "b".repeat(40))).contains("A" + "a".repeat(29) + "…");
        assertThat(Titles.fromSuggestion(" \"\" ")).isEmpty();
    }

    @Test
    void aLongWordWithoutSpaces_isCutHard() {
        assertThat(Titles.from("x".repeat(100))).hasSize(60).endsWith("…");
    }
}
