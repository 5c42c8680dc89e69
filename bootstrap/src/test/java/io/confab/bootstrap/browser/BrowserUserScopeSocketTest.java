package io.confab.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.testkit.http.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The todo seed's UI in a real browser: Chromium's own {@code WebSocket}, opened with a stream
 * ticket, only listens ({@code {"type":"subscribe","scope":"user"}}) while the turn is POSTed over
 * REST by someone else; it sees that turn's progress, {@code list_tasks}' count included, to its end.
 */
class BrowserUserScopeSocketTest {

    private static final String LISTEN = """
            window.seen = [];
            const socket = new WebSocket(arguments[0]);
            socket.onmessage = (e) => window.seen.push(JSON.parse(e.data));
            socket.onopen = () => socket.send(JSON.stringify({type: 'subscribe', scope: 'user', request_id: 'watch'}));
            """;

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withConfiguredModel();

    @Test
    void aReceiveOnlySocket_followsATurnPostedOverRest_withTheToolsProgress() throws Exception {
        TestHttp http = new TestHttp(SERVER.home());
        String token = TestHttp.json(http.post("/api/v1/auth/dev-token", null, "{\"user_id\":\"listening-user\"}"))
                .path("access_token").asText();
        String ticket = TestHttp.json(http.post("/api/v1/auth/ticket", token, "{}")).path("ticket").asText();
        String conversation = http.createConversation(token, "listening");
        String messages = TestHttp.CONVERSATIONS + "/" + conversation + "/messages";
        http.post(messages, token, "{\"message\":\"add a task to water the plants\"}");
        ChromeDriver browser = Chromium.start(SERVER.profiles(), 800, 600);
        try {
            browser.get(SERVER.home().resolve("/health/ready").toString());
            browser.executeScript(LISTEN, SERVER.home().resolve("/ws/chat?ticket=" + ticket).toString()
                    .replaceFirst("^http", "ws"));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(driver -> seen(browser).toString().contains("\"type\":\"ack\""));

            http.post(messages, token, "{\"message\":\"what's on my list?\"}");
            wait.until(driver -> seen(browser).toString().contains("\"type\":\"complete\""));

            List<String> types = new ArrayList<>();
            seen(browser).forEach(frame -> types.add(frame.path("type").asText()));
            assertThat(types).startsWith("connection_established", "ack")
                    .containsSubsequence("tool_starting", "tool_progress", "tool_complete", "complete");
            JsonNode progress = frame(seen(browser), "tool_progress");
            assertThat(progress.path("tool").asText()).isEqualTo("list_tasks");
            assertThat(progress.path("count").asInt()).isEqualTo(1);
            assertThat(frame(seen(browser), "complete").path("conversation_id").asText()).isEqualTo(conversation);
        } finally {
            browser.quit();
        }
    }

    private static JsonNode seen(ChromeDriver browser) {
        try {
            return TestHttp.JSON.readTree((String) browser.executeScript("return JSON.stringify(window.seen)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode frame(JsonNode frames, String type) {
        for (JsonNode frame : frames) {
            if (frame.path("type").asText().equals(type)) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame in " + frames);
    }
}
