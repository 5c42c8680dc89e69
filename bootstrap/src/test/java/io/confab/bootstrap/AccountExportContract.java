package io.confab.bootstrap;

import static io.confab.bootstrap.ServerContract.assertProblem;
import static io.confab.bootstrap.ServerContract.withoutIds;
import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.JSON;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.testkit.auth.TestTokens;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/me/export} over real HTTP against the real server (SPEC §16): everything of
 * the caller in one streamed document, each conversation re-importable. Subclasses choose the database.
 */
abstract class AccountExportContract extends RealServerTest {

    private static final String EXPORT_ME = "/api/v1/me/export";
    private static final AtomicInteger USERS = new AtomicInteger();

    AccountExportContract(ServerDatabase database) {
        super(database);
    }

    @Override
    int rateLimit() {
        return 100;
    }

    private static String newToken() {
        return TestTokens.token("export-user-" + USERS.incrementAndGet());
    }

    @Test
    void exportMe_holdsEveryLiveConversationOfTheCaller_andNoOneElses_eachReimportableAsItWas() {
        String alice = newToken();
        String bob = newToken();
        String errands = CONVERSATIONS + "/" + api.createConversation(alice, "Errands");
        api.post(errands + "/messages", alice, "{\"message\":\"add task buy milk\"}");
        api.post(errands + "/messages", alice, "{\"message\":\"hi there\"}");
        api.post(CONVERSATIONS + "/" + api.createConversation(alice, "Plans") + "/messages", alice, "{\"message\":\"hello\"}");
        api.delete(CONVERSATIONS + "/" + api.createConversation(alice, "Deleted"), alice);
        api.post(CONVERSATIONS + "/" + api.createConversation(bob, "Bob's secret") + "/messages", bob, "{\"message\":\"psst\"}");

        var export = api.get(EXPORT_ME, alice);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"confab-export.json\"");
        JsonNode document = json(export);
        assertThat(document.path("format").asText()).isEqualTo("confab.export.v1");
        assertThat(titles(document)).containsExactly("Plans", "Errands");
        JsonNode exported = document.path("conversations").get(1);
        assertThat(exported.path("format").asText()).isEqualTo("confab.conversation.v1");
        assertThat(exported.path("messages")).hasSize(4);
        assertThat(withoutIds(exported)).isEqualTo(withoutIds(json(api.get(errands + "/export", alice))));

        var imported = api.post(CONVERSATIONS + "/import", alice, exported.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode again = json(api.get(CONVERSATIONS + "/" + json(imported).path("id").asText() + "/export", alice));
        assertThat(withoutIds(again)).isEqualTo(withoutIds(exported));
        assertThat(titles(json(api.get(EXPORT_ME, bob)))).containsExactly("Bob's secret");
    }

    @Test
    void exportMe_ofAnEmptyAccount_isAValidEmptyDocument() {
        String token = newToken();

        JsonNode document = json(api.get(EXPORT_ME, token));
        var markdown = api.get(EXPORT_ME + "?format=markdown", token);

        assertThat(document).isEqualTo(JSON.createObjectNode().put("format", "confab.export.v1")
                .set("conversations", JSON.createArrayNode()));
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).isEmpty();
    }

    @Test
    void exportMe_asMarkdown_isTheTranscriptsOneAfterAnother_andAnUnknownFormatIs400() {
        String token = newToken();
        api.post(CONVERSATIONS + "/" + api.createConversation(token, "First") + "/messages", token, "{\"message\":\"add task buy milk\"}");
        api.post(CONVERSATIONS + "/" + api.createConversation(token, "Second") + "/messages", token, "{\"message\":\"hello\"}");

        var markdown = api.get(EXPORT_ME + "?format=markdown", token);

        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(markdown.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"confab-export.md\"");
        assertThat(markdown.body()).startsWith("# Second\n")
                .containsPattern("\n## User · \\S+Z\n\nhello\n")
                .contains("\n---\n\n# First\n")
                .containsPattern("\n- `add_task` ok in \\d+ ms: `\\{[^`]*buy milk[^`]*\\}` → `");
        assertProblem(api.get(EXPORT_ME + "?format=pdf", token), 400, "bad_parameter");
        assertThat(api.get(EXPORT_ME, null).statusCode()).isEqualTo(401);
    }

    @Test
    void exportMe_ofALargeAccount_isStreamedInChunks_withEveryConversationAndMessage() {
        String token = newToken();
        int conversations = 300;
        int messagesEach = 12;
        for (int i = 0; i < conversations; i++) {
            var imported = api.post(CONVERSATIONS + "/import", token, conversation("Bulk " + i, messagesEach).toString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        }

        HttpResponse<String> export = api.get(EXPORT_ME, token);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Transfer-Encoding")).as("written while read, not sized beforehand")
                .hasValue("chunked");
        assertThat(export.headers().firstValue("Content-Length")).isEmpty();
        JsonNode document = json(export);
        assertThat(document.path("conversations")).hasSize(conversations);
        assertThat(document.path("conversations")).allSatisfy(one -> assertThat(one.path("messages")).hasSize(messagesEach));
        assertThat(export.body().length()).isGreaterThan(conversations * messagesEach * 500);
    }

    private static List<String> titles(JsonNode document) {
        return StreamSupport.stream(document.path("conversations").spliterator(), false)
                .map(one -> one.path("conversation").path("title").asText()).toList();
    }

    /** A conversation export of {@code messages} alternating user and assistant messages of some 500 characters. */
    private static ObjectNode conversation(String title, int messages) {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        ObjectNode export = JSON.createObjectNode().put("format", "confab.conversation.v1");
        export.putObject("conversation").put("title", title).put("created_at", at.toString()).put("updated_at", at.toString());
        ArrayNode items = export.putArray("messages");
        for (int i = 0; i < messages; i++) {
            items.addObject().put("role", i % 2 == 0 ? "user" : "assistant")
                    .put("content", ("message " + i + " of " + title + ". ").repeat(20))
                    .put("created_at", at.plusSeconds(i).toString());
        }
        return export;
    }
}
