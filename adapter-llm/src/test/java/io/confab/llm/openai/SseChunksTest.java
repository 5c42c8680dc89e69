package io.confab.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader of a streamed reply's server-sent events: data fields joined, comments skipped, [DONE], error frames. */
class SseChunksTest {

    @Test
    void readsEachDataEvent_skippingCommentsAndOtherFields_untilDone() {
        List<JsonNode> chunks = all("""
                : keep-alive

                event: message
                data: {"n":1}

                data: {"n":
                data: 2}

                data: [DONE]

                data: {"n":3}

                """);

        assertThat(chunks).extracting(chunk -> chunk.path("n").asInt()).containsExactly(1, 2);
    }

    @Test
    void givenABodyEndingWithoutABlankLineOrDone_theLastEventStillCounts_thenTheEnd() {
        assertThat(all("data: {\"n\":1}\n\ndata:{\"n\":2}")).extracting(chunk -> chunk.path("n").asInt())
                .containsExactly(1, 2);
    }

    @Test
    void givenAnErrorFrame_failsWithTheProvidersError() {
        SseChunks chunks = chunks("data: {\"n\":1}\n\ndata: {\"error\":{\"message\":\"The server had an error\"}}\n\n");

        assertThat(chunks.next().path("n").asInt()).isEqualTo(1);
        assertThatThrownBy(chunks::next).isInstanceOf(SseChunks.ErrorFrame.class)
                .hasMessageContaining("The server had an error");
    }

    @Test
    void givenAChunkThatIsNotJson_failsAsUnreadable_notAsAnIoFailure() {
        assertThatThrownBy(() -> chunks("data: {not json\n\n").next()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not JSON").hasNoCause();
    }

    private static List<JsonNode> all(String body) {
        SseChunks chunks = chunks(body);
        List<JsonNode> read = new ArrayList<>();
        for (JsonNode chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            read.add(chunk);
        }
        assertThat(chunks.next()).as("the end stays the end").isNull();
        return read;
    }

    private static SseChunks chunks(String body) {
        return new SseChunks(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
