package io.confab.testkit.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake server speaks the chat completions wire format, checked with a plain HTTP client. */
class FakeOpenAiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenStreamWithUsage_everyChunkCarriesIdObjectCreatedAndModel_thenUsageWithoutChoices_thenDone() throws Exception {
        server.enqueue(FakeReply.text("Hi there"));

        List<String> frames = streamFrames(chat(true, true, "hello"));

        assertThat(frames.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = frames.subList(0, frames.size() - 1).stream().map(FakeOpenAiServerTest::parse).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("id").asText()).startsWith("chatcmpl-");
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("created").isIntegralNumber()).isTrue();
            assertThat(chunk.path("model").asText()).isEqualTo("gpt-test");
        });
        assertThat(chunks.stream().map(c -> c.path("id").asText()).distinct()).hasSize(1);
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(chunks.subList(1, 3)).extracting(c -> c.at("/choices/0/delta/content").asText())
                .containsExactly("Hi ", "there");
        JsonNode finish = chunks.get(3);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = chunks.getLast();
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(2);
        assertThat(usage.at("/usage/total_tokens").asInt())
                .isEqualTo(usage.at("/usage/prompt_tokens").asInt() + 2);
    }

    @Test
    void givenStreamWithoutUsageOption_noUsageChunkIsSent() throws Exception {
        List<String> frames = streamFrames(chat(true, false, "hello"));

        assertThat(frames.subList(0, frames.size() - 1)).noneMatch(frame -> parse(frame).has("usage"));
    }

    @Test
    void givenToolCalls_eachDeltaHasAnIndex_theFirstNamesIdAndFunction_argumentsComeInFragments() throws Exception {
        server.enqueue(FakeReply.toolCalls(FakeToolCall.of("add_task", "{\"title\":\"buy milk\"}"),
                FakeToolCall.of("list_tasks", "{}")));

        List<JsonNode> deltas = streamFrames(chat(true, true, "go")).stream()
                .filter(frame -> !frame.equals("[DONE]"))
                .map(FakeOpenAiServerTest::parse)
                .filter(chunk -> chunk.at("/choices/0/delta").has("tool_calls"))
                .map(chunk -> chunk.at("/choices/0/delta/tool_calls/0"))
                .toList();

        assertThat(deltas).allSatisfy(delta -> assertThat(delta.has("index")).isTrue());
        assertThat(deltas.get(0).path("id").asText()).startsWith("call_");
        assertThat(deltas.get(0).path("type").asText()).isEqualTo("function");
        assertThat(deltas.get(0).at("/function/name").asText()).isEqualTo("add_task");
        String firstArguments = deltas.stream().filter(d -> d.path("index").asInt() == 0)
                .map(d -> d.at("/function/arguments").asText()).reduce("", String::concat);
        assertThat(firstArguments).isEqualTo("{\"title\":\"buy milk\"}");
        assertThat(deltas.stream().filter(d -> d.path("index").asInt() == 0).count()).isGreaterThan(2);
        assertThat(deltas.getLast().path("index").asInt()).isEqualTo(1);
    }

    @Test
    void givenNoStreamFlag_theReplyIsOneChatCompletion() throws Exception {
        server.enqueue(FakeReply.text("Whole reply"));

        HttpResponse<String> response = send(chat(false, false, "hi"));

        JsonNode body = parse(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Whole reply");
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void givenRuleOnTheUserMessage_eachRoundOfTheTurnGetsItsReply() throws Exception {
        server.onUserMessage("weather", FakeReply.toolCalls(FakeToolCall.of("get_weather", "{}")),
                FakeReply.text("Sunny."));

        JsonNode first = parse(send(chat(false, false, "What's the WEATHER?")).body());
        String secondRound = """
                {"model":"gpt-test","messages":[{"role":"user","content":"What's the weather?"},
                {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                "function":{"name":"get_weather","arguments":"{}"}}]},
                {"role":"tool","tool_call_id":"c1","content":"{\\"sky\\":\\"clear\\"}"}]}""";
        JsonNode second = parse(send(secondRound).body());
        JsonNode other = parse(send(chat(false, false, "something else")).body());

        assertThat(first.at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(second.at("/choices/0/message/content").asText()).isEqualTo("Sunny.");
        assertThat(other.at("/choices/0/message/content").asText()).isEqualTo("Hello from the fake model.");
    }

    @Test
    void givenRateLimit_answers429WithRetryAfterAndAnErrorBody() throws Exception {
        server.enqueue(FakeReply.rateLimited(Duration.ofMillis(1500)));

        HttpResponse<String> response = send(chat(true, true, "hi"));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).contains("2");
        assertThat(response.headers().firstValue("retry-after-ms")).contains("1500");
        assertThat(parse(response.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void givenMidStreamError_sendsTheTextThenAnErrorFrameAndNoDone() throws Exception {
        server.enqueue(FakeReply.midStreamError("Partial", "boom"));

        List<String> frames = streamFrames(chat(true, true, "hi"));

        assertThat(parse(frames.getLast()).at("/error/message").asText()).isEqualTo("boom");
        assertThat(frames).doesNotContain("[DONE]");
    }

    @Test
    void givenFirstTokenLatency_theFirstFrameWaitsForIt() throws Exception {
        server.close();
        server = FakeOpenAiServer.start(FakeOpenAiServer.Options.defaults().withFirstTokenLatency(Duration.ofMillis(200)));
        long started = System.nanoTime();

        send(chat(true, true, "hi"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void givenPacedReply_theFirstWordComesAtOnce_andEachNextOneAfterItsInterval() throws Exception {
        server.enqueue(FakeReply.paced("one two three", 1));
        long sent = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(post(chat(true, false, "hi")),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> words = new ArrayList<>();
        long firstWordNanos = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode content = line.startsWith("data: {") ? parse(line.substring(6)).at("/choices/0/delta/content") : null;
                if (content != null && !content.asText().isEmpty()) {
                    firstWordNanos = firstWordNanos < 0 ? System.nanoTime() - sent : firstWordNanos;
                    words.add(content.asText().strip());
                }
            }
        }
        long allNanos = System.nanoTime() - sent;

        assertThat(words).containsExactly("one", "two", "three");
        assertThat(Duration.ofNanos(firstWordNanos)).isLessThan(Duration.ofMillis(500));
        assertThat(Duration.ofNanos(allNanos)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void requestsAreRecordedParsed() throws Exception {
        send(chat(true, true, "remember me"));

        RecordedRequest request = server.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.streaming()).isTrue();
        assertThat(request.messages().get(0).path("content").asText()).isEqualTo("remember me");
        assertThat(request.header("Content-Type")).contains("application/json");
    }

    @Test
    void byDefault_theLatestThousandRequestsAreKept() {
        assertThat(FakeOpenAiServer.Options.defaults().recordedRequests()).isEqualTo(1_000);
    }

    @Test
    void givenMoreRequestsThanTheRecordLimit_onlyTheLatestAreKept() throws Exception {
        server.close();
        server = FakeOpenAiServer.start(FakeOpenAiServer.Options.defaults().withRecordedRequests(3));

        for (int i = 1; i <= 8; i++) {
            send(chat(false, false, "request " + i));
        }

        assertThat(server.requests()).extracting(request -> request.messages().get(0).path("content").asText())
                .containsExactly("request 6", "request 7", "request 8");
        assertThat(server.lastRequest().messages().get(0).path("content").asText()).isEqualTo("request 8");
    }

    @Test
    void givenRecordingOff_noRequestIsKept() throws Exception {
        server.close();
        server = FakeOpenAiServer.start(FakeOpenAiServer.Options.defaults().withoutRecording());

        send(chat(false, false, "forget me"));

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void models_listsTheFakeModel() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(parse(response.body()).at("/data/0/id").asText()).isEqualTo("fake-model");
    }

    @Test
    void givenMalformedJsonOrUnknownPath_answersAnOpenAiStyleError() throws Exception {
        assertThat(send("{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/embeddings"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(parse(unknown.body()).at("/error/message").asText()).contains("/v1/embeddings");
    }

    private static String chat(boolean stream, boolean includeUsage, String userText) {
        var body = JSON.createObjectNode().put("model", "gpt-test").put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        if (includeUsage) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body.toString();
    }

    private HttpResponse<String> send(String body) throws Exception {
        return http.send(post(body), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code data:} payloads of an SSE response, in order. */
    private List<String> streamFrames(String body) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(post(body), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<String> frames = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("data: ")) {
                    frames.add(line.substring("data: ".length()));
                } else {
                    assertThat(line).isEmpty();
                }
            }
        }
        return frames;
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
