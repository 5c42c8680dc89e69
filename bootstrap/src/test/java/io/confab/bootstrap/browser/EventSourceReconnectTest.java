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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser {@code EventSource} whose stream drops mid-turn reconnects with
 * {@code Last-Event-ID} to the same {@code …/stream?message=} URL: Confab resumes the turn after
 * that event and never starts it again (SPEC §12), so the task is added once and every event
 * arrives once, in order.
 */
class EventSourceReconnectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = """
            <!doctype html><meta charset="utf-8"><title>reconnect</title><script>
            window.seen = []; window.done = false;
            const source = new EventSource(new URLSearchParams(location.search).get('stream'));
            source.onmessage = (e) => {
              window.seen.push({id: e.lastEventId, data: JSON.parse(e.data)});
              if (['complete', 'error', 'cancelled'].includes(JSON.parse(e.data).type)) {
                source.close(); window.done = true;
              }
            };
            </script>""";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withConfiguredModel();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDroppedStream_resumesAfterTheLastEvent_andTheTurnRunsOnce() throws Exception {
        String token = devToken("reconnecting-user");
        String conversation = createConversation(token);
        String stream = "/api/v1/chat/conversations/" + conversation + "/stream?message=add%20a%20task%20to%20buy%20milk";
        ChromeDriver browser = Chromium.start(SERVER.profiles(), 800, 600);
        try (FlakyProxy proxy = new FlakyProxy(SERVER.home(), token, PAGE, 2)) {
            browser.get(proxy.uri("/page?stream=" + java.net.URLEncoder.encode(stream, "UTF-8")).toString());
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(
                    browser.executeScript("return window.done")));
            JsonNode seen = JSON.readTree((String) browser.executeScript("return JSON.stringify(window.seen)"));

            assertThat(proxy.lastEventIds).hasSize(2);
            assertThat(proxy.lastEventIds.get(0)).isEmpty();
            assertThat(proxy.lastEventIds.get(1)).isEqualTo(seen.get(1).path("id").asText());
            List<Long> seqs = new ArrayList<>();
            seen.forEach(event -> seqs.add(event.path("data").path("seq").asLong()));
            assertThat(seqs).startsWith(1L, 2L, 3L).isSorted().doesNotHaveDuplicates();
            assertThat(seen.get(seen.size() - 1).path("data").path("type").asText()).isEqualTo("complete");
            assertThat(tasks(token)).containsExactly("buy milk");
        } finally {
            browser.quit();
        }
    }

    private String devToken(String user) throws Exception {
        return json(post("/api/v1/auth/dev-token", null, "{\"user_id\":\"" + user + "\"}")).path("access_token").asText();
    }

    private String createConversation(String token) throws Exception {
        return json(post("/api/v1/chat/conversations", token, "{\"title\":\"reconnect\"}")).path("id").asText();
    }

    private List<String> tasks(String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(SERVER.home().resolve("/api/v1/tasks"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return json(response).path("items").findValues("title").stream().map(JsonNode::asText).toList();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(SERVER.home().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
