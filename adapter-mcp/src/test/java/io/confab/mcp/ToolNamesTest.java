package io.confab.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolNamesTest {

    private static final String OPENAI_NAME = "^[a-zA-Z0-9_-]{1,64}$";

    @Test
    void aPlainName_getsTheServerPrefix() {
        assertThat(ToolNames.exposed("weather", "forecast")).isEqualTo("weather__forecast");
    }

    @Test
    void otherCharacters_areReplaced_andTheNameStaysDistinct() {
        String dotted = ToolNames.exposed("fs", "read.file");
        String underscored = ToolNames.exposed("fs", "read_file");

        assertThat(dotted).matches(OPENAI_NAME).startsWith("fs__read_file_").isNotEqualTo(underscored);
    }

    @Test
    void longNames_areCutTo64_keepingLongNamesApart() {
        String first = ToolNames.exposed("server", "x".repeat(80) + "1");
        String second = ToolNames.exposed("server", "x".repeat(80) + "2");

        assertThat(first).matches(OPENAI_NAME).hasSize(64).isNotEqualTo(second);
    }
}
