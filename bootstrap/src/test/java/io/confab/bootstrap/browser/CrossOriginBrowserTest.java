package io.confab.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page on another origin than Confab's (SPEC §13), in a real headless Chromium, running the
 * code blocks of docs/frontends.md: with its origin in CONFAB_CORS_ORIGINS it signs in, calls the
 * API with fetch and a bearer token, and streams a turn with a plain {@code EventSource} carrying a
 * ticket, through a connection that drops mid-turn; from an unlisted origin its calls are refused.
 */
class CrossOriginBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE = "add a task to buy milk";
    /** What the page runs besides the docs' code: sign-in, the calls, and what it saw in {@code window.result}. */
    private static final String DRIVER = """
            window.result = null;
            window.run = async (confabAddress, user, message) => {
              try {
                const signIn = await fetch(`${confabAddress}/api/v1/auth/dev-token`, {
                  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user_id: user }) });
                const token = (await signIn.json()).access_token;
                const conversation = await spa.confab(token, 'POST', '/api/v1/chat/conversations', { title: 'cross-origin' });
                const events = [];
                const last = await plain.streamTurn(token, conversation.id, message, (event) => events.push(event));
                let missing = null;
                try {
                  await spa.confab(token, 'GET', '/api/v1/chat/conversations/00000000-0000-0000-0000-000000000000');
                } catch (error) {
                  missing = { status: error.status, correlationId: error.correlationId, message: error.message };
                }
                window.result = { conversation: conversation.id, events, last: last.type, missing };
              } catch (error) {
                window.result = { error: String(error) };
              }
            };
            window.create = async (token) => {
              try {
                window.result = { created: await spa.confab(token, 'POST', '/api/v1/chat/conversations', { title: 'x' }) };
              } catch (error) {
                window.result = { error: String(error) };
              }
            };
            """;

    static final PageServer APP = new PageServer();
    static final PageServer STRANGER = new PageServer();

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withSettings(Map.of("CONFAB_CORS_ORIGINS", APP.origin()));

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopPages() {
        APP.close();
        STRANGER.close();
    }

    @Test
    void aPageOnAListedOrigin_streamsATurnWithATicket_throughADroppedConnection_andTheTurnRunsOnce() throws Exception {
        String confab = origin(SERVER.home());
        ChromeDriver browser = Chromium.start(SERVER.profiles(), 800, 600);
        try (FlakyProxy network = FlakyProxy.transparent(SERVER.home(), 2)) {
            browser.get(APP.serve(page(confab, network.origin())).toString());
            browser.executeScript("run(arguments[0], arguments[1], arguments[2])", confab, "cross-origin-user", MESSAGE);
            JsonNode result = awaitResult(browser);

            assertThat(result.has("error")).as(result.toString()).isFalse();
            assertThat(result.path("last").asText()).isEqualTo("complete");
            List<JsonNode> events = new ArrayList<>();
            result.path("events").forEach(events::add);
            assertThat(events.get(0).path("type").asText()).isEqualTo("message_created");
            assertThat(events).extracting(event -> event.path("seq").asLong()).startsWith(1L, 2L, 3L)
                    .isSorted().doesNotHaveDuplicates();
            assertThat(events).extracting(event -> event.path("type").asText()).contains("chunk");
            assertThat(network.lastEventIds).hasSize(2);
            assertThat(network.lastEventIds.get(0)).isEmpty();
            assertThat(network.lastEventIds.get(1)).matches("[0-9a-f-]{36}:2");
            assertThat(result.path("missing").path("status").asInt()).isEqualTo(404);
            assertThat(result.path("missing").path("message").asText()).startsWith("not_found: ");
            assertThat(result.path("missing").path("correlationId").asText()).isNotBlank();

            String token = devToken("cross-origin-user");
            JsonNode stored = get("/api/v1/chat/conversations/" + result.path("conversation").asText() + "/messages", token)
                    .path("items");
            assertThat(stored).extracting(message -> message.path("role").asText()).containsExactly("user", "assistant");
            assertThat(stored.get(0).path("content").asText()).isEqualTo(MESSAGE);
            assertThat(stored.get(1).path("status").asText()).isEqualTo("complete");
            assertThat(get("/api/v1/tasks", token).path("items").findValuesAsText("title")).containsExactly("buy milk");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPageOnAnUnlistedOrigin_isRefused_andChangesNothing() throws Exception {
        String confab = origin(SERVER.home());
        String token = devToken("stranger-user");
        ChromeDriver browser = Chromium.start(SERVER.profiles(), 800, 600);
        try {
            browser.get(STRANGER.serve(page(confab, confab)).toString());
            browser.executeScript("create(arguments[0])", token);
            JsonNode result = awaitResult(browser);

            assertThat(result.path("error").asText()).contains("Failed to fetch");
            assertThat(get("/api/v1/chat/conversations", token).path("total").asInt()).isZero();
        } finally {
            browser.quit();
        }
    }

    /** The page: the docs' two code blocks, the first calling {@code confab}, the second streaming via {@code streamVia}. */
    private static String page(String confab, String streamVia) {
        return "<!doctype html><meta charset=\"utf-8\"><title>cross-origin</title><script>\n"
                + DocSnippets.module("spa", "A cross-origin SPA (CORS)", confab, "confab")
                + DocSnippets.module("plain", "A plain EventSource (ticket)", streamVia, "streamTurn")
                + DRIVER + "</script>";
    }

    private static JsonNode awaitResult(ChromeDriver browser) throws Exception {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                browser.executeScript("return window.result !== null"));
        return JSON.readTree((String) browser.executeScript("return JSON.stringify(window.result)"));
    }

    private static String origin(URI home) {
        return home.getScheme() + "://" + home.getHost() + ":" + home.getPort();
    }

    private String devToken(String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(SERVER.home().resolve("/api/v1/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(SERVER.home().resolve(path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
