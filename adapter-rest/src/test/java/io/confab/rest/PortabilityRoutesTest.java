package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.usecase.EraseAccountUseCase;
import io.confab.application.usecase.ExportConversationUseCase.Export;
import io.confab.application.usecase.ImportConversationUseCase.Command;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.StoreUnavailableException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export, import and erase over HTTP, on stubbed use cases: formats, headers, the reader's strictness, errors. */
class PortabilityRoutesTest extends AbstractRestTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Conversation conversation;
    private final List<Command> imported = new ArrayList<>();
    private final List<String> erased = new ArrayList<>();

    @BeforeEach
    void start() {
        startServer(builder -> { });
        conversation = stubs.create(new UserId("alice"), "Shopping `list`\nfor Sunday");
        Message question = Message.fromUser(new MessageId(UUID.randomUUID()), conversation.id(), "add **milk**",
                Optional.empty(), T0);
        ToolCall call = new ToolCall("call_1", "add_task", JsonValue.object("title", JsonValue.of("milk")),
                JsonValue.object("id", JsonValue.of(1)), ToolCallStatus.OK, Duration.ofMillis(12));
        Message answer = Message.fromAssistant(new MessageId(UUID.randomUUID()), conversation.id(), question.id(),
                "Added milk.", MessageStatus.COMPLETE, List.of(call), "gpt-test", new TokenUsage(10, 3), T0.plusSeconds(1));
        stubs.exportConversation = (owner, id) -> stubs.find(owner, id).map(c -> new Export(c, List.of(question, answer)));
        stubs.importConversation = (owner, command) -> {
            imported.add(command);
            return stubs.create(owner, command.title());
        };
        stubs.eraseAccount = owner -> {
            erased.add(owner.value());
            return new EraseAccountUseCase.Erased(1, 1);
        };
    }

    @Test
    void export_asJson_isTheVersionedShape_asAnAttachment() throws IOException {
        HttpResponse<String> response = server.get(exportPath("json"), "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"conversation-" + conversation.id() + ".json\"");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("format").asText()).isEqualTo("confab.conversation.v1");
        assertThat(body.path("conversation").path("id").asText()).isEqualTo(conversation.id().toString());
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(1).path("tool_calls").get(0).path("tool").asText()).isEqualTo("add_task");
        assertThat(server.get(CONVERSATIONS + "/" + conversation.id() + "/export", "alice").body()).isEqualTo(response.body());
    }

    @Test
    void export_asMarkdown_isAReadableTranscript() {
        HttpResponse<String> response = server.get(exportPath("markdown"), "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"conversation-" + conversation.id() + ".md\"");
        assertThat(response.body())
                .startsWith("# Shopping `list` for Sunday\n")
                .contains("\n## User · 2026-03-01T10:00:00Z\n\nadd **milk**\n")
                .contains("\n## Assistant · 2026-03-01T10:00:01Z · gpt-test\n\nAdded milk.\n")
                .contains("\n- `add_task` ok in 12 ms: `{\"title\":\"milk\"}` → `{\"id\":1}`\n");
    }

    @Test
    void export_inAnUnknownFormat_is400_andOfAnotherUsersConversation_is404() {
        assertProblem(server.get(exportPath("pdf"), "alice"), 400, "bad_parameter");
        assertProblem(server.get(exportPath("json"), "bob"), 404, "not_found");
        assertProblem(server.get(CONVERSATIONS + "/nope/export", "alice"), 404, "not_found");
    }

    @Test
    void import_ofAnExport_is201_withLocation_andReadsEveryField() {
        String export = server.get(exportPath("json"), "alice").body();

        HttpResponse<String> response = server.postJson(CONVERSATIONS + "/import", "bob", export);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(CONVERSATIONS + "/").doesNotContain(conversation.id().toString()));
        Command command = imported.getFirst();
        assertThat(command.title()).isEqualTo(conversation.title());
        assertThat(command.messages()).hasSize(2);
        assertThat(command.messages().get(0).content()).isEqualTo("add **milk**");
        assertThat(command.messages().get(1).toolCalls().getFirst().arguments())
                .isEqualTo(JsonValue.object("title", JsonValue.of("milk")));
        assertThat(command.messages().get(1).usage()).isEqualTo(new TokenUsage(10, 3));
        assertThat(command.messages().get(1).createdAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void import_ofMalformedJson_is400_andOfBrokenFields_is422NamingThem() throws IOException {
        assertProblem(server.postJson(CONVERSATIONS + "/import", "alice", "{\"format\":"), 400, "malformed_json");
        String wrongFormat = "{\"format\":\"other\",\"conversation\":{},\"messages\":[]}";
        assertFields(server.postJson(CONVERSATIONS + "/import", "alice", wrongFormat), "format");
        String broken = """
                {"format":"confab.conversation.v1",
                 "conversation":{"title":"t","created_at":"2026-03-01T10:00:00Z","updated_at":"yesterday"},
                 "messages":[]}""";
        assertFields(server.postJson(CONVERSATIONS + "/import", "alice", broken), "conversation.updated_at");
        String badMessage = """
                {"format":"confab.conversation.v1",
                 "conversation":{"created_at":"2026-03-01T10:00:00Z","updated_at":"2026-03-01T10:00:00Z"},
                 "messages":[{"role":"assistant","content":"x","created_at":"2026-03-01T10:00:00Z",
                              "tool_calls":[{"id":"c","tool":"t","status":"maybe"}]}]}""";
        assertFields(server.postJson(CONVERSATIONS + "/import", "alice", badMessage), "messages[0].tool_calls[0].status");
        String nul = badMessage.replace("\"x\"", "\"a\\u0000b\"");
        assertFields(server.postJson(CONVERSATIONS + "/import", "alice", nul), "messages[0].content");
        String userToolCall = badMessage.replace("assistant", "user").replace("maybe", "ok");
        assertFields(server.postJson(CONVERSATIONS + "/import", "alice", userToolCall), "messages[0].tool_calls");
        String negative = badMessage.replace("\"status\":\"maybe\"", "\"duration_ms\":-1");
        assertFields(server.postJson(CONVERSATIONS + "/import", "alice", negative), "messages[0].tool_calls[0].duration_ms");
        assertThat(imported).isEmpty();
    }

    @Test
    void exportMe_asJson_holdsEachOfTheCallersConversationsInTheOneConversationShape() throws IOException {
        HttpResponse<String> response = server.get(PortabilityRoutes.EXPORT_ME, "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"confab-export.json\"");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("format").asText()).isEqualTo("confab.export.v1");
        assertThat(body.path("conversations")).containsExactly(JSON.readTree(server.get(exportPath("json"), "alice").body()));
        assertThat(JSON.readTree(server.get(PortabilityRoutes.EXPORT_ME + "?format=json", "bob").body()).path("conversations"))
                .isEmpty();
    }

    @Test
    void exportMe_asMarkdown_isEachTranscriptFollowedByARule() {
        HttpResponse<String> response = server.get(PortabilityRoutes.EXPORT_ME + "?format=markdown", "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"confab-export.md\"");
        assertThat(response.body()).isEqualTo(server.get(exportPath("markdown"), "alice").body() + "\n---\n\n");
        assertProblem(server.get(PortabilityRoutes.EXPORT_ME + "?format=pdf", "alice"), 400, "bad_parameter");
        assertThat(server.get(PortabilityRoutes.EXPORT_ME, null).statusCode()).isEqualTo(401);
    }

    @Test
    void exportMe_whenTheDatabaseFailsBeforeAnythingWasSent_is503ProblemJson_notAnAttachment() {
        stubs.exportConversation = (owner, id) -> {
            throw new StoreUnavailableException("connection refused", null);
        };

        HttpResponse<String> response = server.get(PortabilityRoutes.EXPORT_ME, "alice");

        assertProblem(response, 503, "store_unavailable");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void eraseMe_is204_forTheCaller_everyTime() {
        assertThat(server.send(server.request(PortabilityRoutes.ME, "alice").DELETE()).statusCode()).isEqualTo(204);
        assertThat(server.send(server.request(PortabilityRoutes.ME, "alice").DELETE()).statusCode()).isEqualTo(204);
        assertThat(erased).containsExactly("alice", "alice");
        assertThat(server.send(server.request(PortabilityRoutes.ME, null).DELETE()).statusCode()).isEqualTo(401);
    }

    private String exportPath(String format) {
        return CONVERSATIONS + "/" + conversation.id() + "/export?format=" + format;
    }

    private static void assertFields(HttpResponse<String> response, String... fields) throws IOException {
        assertProblem(response, 422, "validation_failed");
        List<String> named = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(error -> named.add(error.path("field").asText()));
        assertThat(named).containsExactly(fields);
    }
}
