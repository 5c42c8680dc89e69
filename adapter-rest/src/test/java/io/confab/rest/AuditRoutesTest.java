package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.domain.ConversationId;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.ToolCallEntry;
import io.confab.domain.audit.ToolCallSource;
import io.confab.domain.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/audit/tool-calls} over an in-memory audit: the shape, keyset pages, owner scoping, bad parameters. */
class AuditRoutesTest extends AbstractRestTest {

    private static final String TOOL_CALLS = "/api/v1/audit/tool-calls";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @BeforeEach
    void start() {
        startServer(builder -> { });
    }

    @Test
    void list_showsTheCallersCallWithEveryField() throws IOException {
        ConversationId conversation = new ConversationId(UUID.randomUUID());
        ToolCallEntry call = record("alice", ToolCallSource.TURN, Optional.of(conversation), 0);

        HttpResponse<String> response = server.get(TOOL_CALLS, "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode item = JSON.readTree(response.body()).path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(call.id().toString());
        assertThat(item.path("source").asText()).isEqualTo("turn");
        assertThat(item.path("tool").asText()).isEqualTo("add_task");
        assertThat(item.path("arguments").path("title").asText()).isEqualTo("milk");
        assertThat(item.path("outcome").asText()).isEqualTo("ok");
        assertThat(item.path("result").asText()).isEqualTo("{\"id\":1}");
        assertThat(item.path("duration_ms").asLong()).isEqualTo(7);
        assertThat(item.path("conversation_id").asText()).isEqualTo(conversation.toString());
        assertThat(item.path("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(JSON.readTree(response.body()).path("has_more").asBoolean()).isFalse();
    }

    @Test
    void list_pagesNewestFirst_withTheLastIdAsBefore() throws IOException {
        ToolCallEntry oldest = record("alice", ToolCallSource.MCP_HTTP, Optional.empty(), 0);
        ToolCallEntry middle = record("alice", ToolCallSource.MCP_STDIO, Optional.empty(), 1);
        ToolCallEntry newest = record("alice", ToolCallSource.TURN, Optional.empty(), 2);

        JsonNode first = JSON.readTree(server.get(TOOL_CALLS + "?limit=2", "alice").body());
        assertThat(ids(first)).containsExactly(newest.id().toString(), middle.id().toString());
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(first.path("items").get(0).path("conversation_id").isNull()).isTrue();

        JsonNode second = JSON.readTree(server.get(TOOL_CALLS + "?limit=2&before=" + middle.id(), "alice").body());
        assertThat(ids(second)).containsExactly(oldest.id().toString());
        assertThat(second.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void list_neverShowsAnotherUsersCalls_norPagesFromThem() throws IOException {
        ToolCallEntry alices = record("alice", ToolCallSource.TURN, Optional.empty(), 5);
        record("bob", ToolCallSource.TURN, Optional.empty(), 0);

        assertThat(ids(JSON.readTree(server.get(TOOL_CALLS, "mallory").body()))).isEmpty();
        assertThat(ids(JSON.readTree(server.get(TOOL_CALLS + "?before=" + alices.id(), "bob").body()))).isEmpty();
    }

    @Test
    void badParameters_areProblems_notServerErrors() {
        assertProblem(server.get(TOOL_CALLS + "?limit=ten", "alice"), 400, "bad_parameter");
        assertProblem(server.get(TOOL_CALLS + "?before=not-an-id", "alice"), 400, "bad_parameter");
        assertProblem(server.get(TOOL_CALLS + "?limit=0", "alice"), 422, "validation_failed");
        assertProblem(server.get(TOOL_CALLS + "?limit=201", "alice"), 422, "validation_failed");
    }

    @Test
    void list_withoutAToken_is401() {
        assertProblem(server.get(TOOL_CALLS, null), 401, "missing_token");
    }

    private ToolCallEntry record(String user, ToolCallSource source, Optional<ConversationId> conversation, long second) {
        ToolCallEntry entry = new ToolCallEntry(new AuditedToolCallId(UUID.randomUUID()), new UserId(user), source,
                "add_task", JsonValue.object("title", JsonValue.of("milk")), ToolCallStatus.OK,
                JsonValue.object("id", JsonValue.of(1)), Duration.ofMillis(7), conversation, T0.plusSeconds(second));
        stubs.toolCalls.record(entry);
        return entry;
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asText()).toList();
    }
}
