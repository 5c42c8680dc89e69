package io.confab.mcp;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Confab's MCP client talking to Confab's MCP server; run once per transport (stdio, HTTP). One
 * connection serves the whole class, so tests only assert what their own calls did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractConfabServerTest {

    static final UserId ALICE = new UserId("alice");

    McpToolCatalog alice;

    /** A client catalogue connected to the server as {@code user}, with the server named "confab". */
    abstract McpToolCatalog connect(UserId user);

    /** Starts what {@link #connect} talks to, if it runs for the whole class. */
    void startServer() {
    }

    void stopServer() {
    }

    @BeforeAll
    void connectAlice() {
        startServer();
        alice = connect(ALICE);
    }

    @AfterAll
    void disconnect() {
        alice.close();
        stopServer();
    }

    @Test
    void listTools_showsThePublishedTools_withTheirSchemas() {
        assertThat(alice.tools(ALICE)).extracting(ToolDefinition::name)
                .contains("confab__add_note", "confab__list_notes", "confab__count");
        ToolDefinition addNote = alice.tools(ALICE).stream()
                .filter(tool -> tool.name().equals("confab__add_note")).findFirst().orElseThrow();
        assertThat(addNote.parameters().get("additionalProperties")).contains(of(false));
        assertThat(addNote.description()).isEqualTo("Adds a note");
    }

    @Test
    void addThenList_returnsTheResultAndSummary_fromTheServer() {
        ToolResult added = call(alice, "confab__add_note", object("text", of("buy milk")));
        ToolResult listed = call(alice, "confab__list_notes", JsonValue.Obj.empty());

        assertThat(added).isInstanceOfSatisfying(ToolResult.Success.class, success -> {
            assertThat(success.result()).isEqualTo(object("note", of("buy milk")));
            assertThat(success.summary()).startsWith("Added note");
        });
        assertThat(listed).isInstanceOfSatisfying(ToolResult.Success.class, success ->
                assertThat(((JsonValue.Obj) success.result()).get("notes").orElseThrow())
                        .isInstanceOfSatisfying(JsonValue.Arr.class,
                                notes -> assertThat(notes.elements()).contains(of("buy milk"))));
    }

    @Test
    void progressOfTheServersTool_reachesTheCaller() {
        List<String> reports = new CopyOnWriteArrayList<>();

        ToolResult result = alice.invoke(new ToolInvocation(ALICE, "c", "confab__count", object("to", of(3))),
                (message, count) -> reports.add(message), new Cancellation());

        assertThat(result).isEqualTo(new ToolResult.Success(object("counted", of(3)), "Counted to 3"));
        Await.until("three progress reports arrived", java.time.Duration.ofSeconds(10), () -> reports.size() == 3);
        assertThat(reports).containsExactly("step 1 of 3", "step 2 of 3", "step 3 of 3");
    }

    @Test
    void invalidArguments_areAFailure_withTheCataloguesMessage() {
        assertThat(call(alice, "confab__add_note", JsonValue.Obj.empty()))
                .isEqualTo(new ToolResult.Failure("text: is required"));
    }

    @Test
    void aUserIdArgument_isRejected_notObeyed() {
        assertThat(call(alice, "confab__add_note", object("text", of("x"), "user_id", of("bob"))))
                .isEqualTo(new ToolResult.Failure("unexpected argument \"user_id\""));
    }

    @Test
    void unknownTool_isAFailure() {
        assertThat(call(alice, "confab__drop_tables", JsonValue.Obj.empty()))
                .isEqualTo(new ToolResult.Failure("Unknown tool \"confab__drop_tables\""));
    }

    static ToolResult call(McpToolCatalog client, String tool, JsonValue arguments) {
        return client.invoke(new ToolInvocation(ALICE, "call", tool, arguments), ToolProgress.IGNORE,
                new Cancellation());
    }
}
