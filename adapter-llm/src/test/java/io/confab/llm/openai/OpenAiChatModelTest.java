package io.confab.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.tools.TaskTools;
import io.confab.domain.Cancellation;
import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.tool.ToolDefinition;
import io.confab.llm.RecordingSink;
import io.confab.testkit.Await;
import io.confab.testkit.openai.FakeOpenAiServer;
import io.confab.testkit.openai.FakeReply;
import io.confab.testkit.openai.FakeToolCall;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The openai-java adapter against the fake OpenAI-compatible server, over real HTTP. */
class OpenAiChatModelTest {

    private static final String KEY = "sk-test-secret-key-0123456789";

    private final LogLines logs = LogLines.of(OpenAiChatModel.class);
    private FakeOpenAiServer server;
    private OpenAiChatModel model;

    @AfterEach
    void stop() {
        logs.close();
        if (model != null) {
            model.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenTextReply_stream_forwardsEachDeltaInOrderThenUsageAndFinish() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.text("Hello there, how can I help?"));
        RecordingSink sink = new RecordingSink();

        model.stream(userSays("hi"), sink, new Cancellation());

        assertThat(sink.deltas()).containsExactly("Hello ", "there, ", "how ", "can ", "I ", "help?");
        assertThat(sink.kinds()).endsWith("TextDelta", "UsageReported", "Finished");
        assertThat(sink.finishes()).containsExactly(FinishReason.STOP);
    }

    @Test
    void givenUsageInLastChunk_stream_reportsTheProvidersCounts() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.text("one two three"));
        RecordingSink sink = new RecordingSink();

        model.stream(userSays("count to three"), sink, new Cancellation());

        JsonNode request = server.lastRequest().body();
        assertThat(request.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(sink.usages()).hasSize(1);
        assertThat(sink.usages().get(0).completionTokens()).isEqualTo(3);
        assertThat(sink.usages().get(0).promptTokens()).isPositive();
    }

    @Test
    void givenTwoParallelToolCallsWithSplitArguments_stream_joinsThemByIndex() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.toolCalls(
                new FakeToolCall("call_a", "add_task", "{\"title\":\"buy milk\",\"description\":\"2 litres\"}"),
                new FakeToolCall("call_b", "add_task", "{\"title\":\"call mom\"}")));
        RecordingSink sink = new RecordingSink();

        model.stream(userSays("add buy milk and call mom"), sink, new Cancellation());

        assertThat(sink.toolCalls()).containsExactly(
                new ToolCallRequest("call_a", "add_task",
                        JsonValue.object("title", JsonValue.of("buy milk"), "description", JsonValue.of("2 litres"))),
                new ToolCallRequest("call_b", "add_task", JsonValue.object("title", JsonValue.of("call mom"))));
        assertThat(sink.finishes()).containsExactly(FinishReason.TOOL_CALLS);
        assertThat(sink.kinds()).containsExactly("ToolCallRequested", "ToolCallRequested", "UsageReported", "Finished");
    }

    @Test
    void givenTwoToolRounds_stream_sendsAssistantToolCallsAndToolResultsBackAsTheApiExpects() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.onUserMessage("milk",
                FakeReply.toolCalls(FakeToolCall.of("list_tasks", "{\"status\":\"all\"}"),
                        FakeToolCall.of("add_task", "{\"title\":\"buy milk\"}")),
                FakeReply.toolCalls(FakeToolCall.of("complete_task", "{\"task_id\":1}")),
                FakeReply.text("Done: buy milk is added and ticked off."));
        List<ModelMessage> history = new java.util.ArrayList<>(List.of(new ModelMessage.User("add milk, then tick it off")));

        for (int round = 0; round < 3; round++) {
            RecordingSink sink = new RecordingSink();
            model.stream(new ModelRequest("You manage tasks.", history, TaskTools.definitions()), sink, new Cancellation());
            history.add(new ModelMessage.Assistant(sink.text(), sink.toolCalls()));
            sink.toolCalls().forEach(call -> history.add(new ModelMessage.ToolResult(call.id(), call.tool(),
                    JsonValue.object("task", JsonValue.object("id", JsonValue.of(1), "title", JsonValue.of("buy milk"))))));
            if (round == 0) {
                assertThat(sink.toolCalls()).extracting(ToolCallRequest::tool).containsExactly("list_tasks", "add_task");
            }
        }

        assertThat(server.requests()).hasSize(3);
        JsonNode messages = server.requests().get(2).messages();
        assertThat(messages).extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool", "tool", "assistant", "tool");
        JsonNode firstAssistant = messages.get(2);
        assertThat(firstAssistant.path("tool_calls")).hasSize(2);
        assertThat(firstAssistant.path("tool_calls").get(1).path("function").path("name").asText()).isEqualTo("add_task");
        assertThat(firstAssistant.path("tool_calls").get(1).path("function").path("arguments").asText())
                .isEqualTo("{\"title\":\"buy milk\"}");
        String secondCallId = firstAssistant.path("tool_calls").get(1).path("id").asText();
        assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo(secondCallId);
        assertThat(messages.get(4).path("content").asText()).contains("\"title\":\"buy milk\"");
    }

    @Test
    void stream_sendsModelSystemPromptSettingsAndToolSchemas() {
        start(FakeOpenAiServer.Options.defaults(), settings().withTemperature(0.3).withMaxTokens(256));
        RecordingSink sink = new RecordingSink();

        model.stream(new ModelRequest("Be brief.", List.of(new ModelMessage.User("hello")), TaskTools.definitions()),
                sink, new Cancellation());

        JsonNode body = server.lastRequest().body();
        assertThat(body.path("model").asText()).isEqualTo("fake-model");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
        JsonNode tools = body.path("tools");
        assertThat(tools).hasSize(5);
        assertThat(tools.get(0).path("type").asText()).isEqualTo("function");
        assertThat(tools.get(0).path("function").path("name").asText()).isEqualTo("add_task");
        assertThat(tools.get(0).path("function").path("parameters").path("required").get(0).asText()).isEqualTo("title");
        assertThat(tools.get(0).path("function").path("parameters").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(server.lastRequest().header("authorization")).contains("Bearer " + KEY);
    }

    @Test
    void aRequestNamingAModel_asksThatModel_insteadOfTheConfiguredOne() {
        start(FakeOpenAiServer.Options.defaults(), settings());

        model.stream(new ModelRequest("", List.of(new ModelMessage.User("hello")), List.of(), Optional.of("model-b")),
                new RecordingSink(), new Cancellation());
        model.stream(userSays("again"), new RecordingSink(), new Cancellation());

        assertThat(server.requests()).extracting(request -> request.body().path("model").asText())
                .containsExactly("model-b", "fake-model");
    }

    @Test
    void givenAToolWhoseSchemaChanged_stream_sendsTheNewSchema() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        ToolDefinition before = new ToolDefinition("lookup", "Looks a word up.",
                JsonValue.object("type", JsonValue.of("object"), "required", JsonValue.array(List.of(JsonValue.of("word")))), "Looking up");
        ToolDefinition after = new ToolDefinition("lookup", "Looks a word up.",
                JsonValue.object("type", JsonValue.of("object"), "required", JsonValue.array(List.of(JsonValue.of("term")))), "Looking up");

        for (ToolDefinition tool : List.of(before, before, after)) {
            model.stream(new ModelRequest("", List.of(new ModelMessage.User("hello")), List.of(tool)),
                    new RecordingSink(), new Cancellation());
        }

        assertThat(server.requests()).extracting(request -> request.tools().get(0).path("function")
                        .path("parameters").path("required").get(0).asText())
                .containsExactly("word", "word", "term");
    }

    @Test
    void givenNoTools_stream_leavesTheToolsFieldOut() {
        start(FakeOpenAiServer.Options.defaults(), settings());

        model.stream(userSays("hello"), new RecordingSink(), new Cancellation());

        assertThat(server.lastRequest().tools().isMissingNode()).isTrue();
    }

    @Test
    void givenRateLimitThenSuccess_stream_retriesAfterTheAdvertisedDelay() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.rateLimited(Duration.ofMillis(300)), FakeReply.text("finally"));
        RecordingSink sink = new RecordingSink();
        long started = System.nanoTime();

        model.stream(userSays("hi"), sink, new Cancellation());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sink.text()).isEqualTo("finally");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("x-stainless-retry-count")).contains("1");
    }

    @Test
    void givenAConnectionDroppedWithoutAnswer_stream_retriesOnAnotherConnection() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.dropped(), FakeReply.text("still here"));
        RecordingSink sink = new RecordingSink();

        model.stream(userSays("hi"), sink, new Cancellation());

        assertThat(sink.text()).isEqualTo("still here");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givenPersistentServerErrors_stream_failsUnavailableAfterTheRetries() {
        start(FakeOpenAiServer.Options.defaults(), settings().withMaxRetries(1));
        server.enqueue(FakeReply.serverError(500), FakeReply.serverError(503));

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), new RecordingSink(), new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("HTTP 503", "after 1 retry");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givenServerError_theMessageIsFitForEndUsers_andTheWarningLogLineHasTheEndpoint() {
        start(FakeOpenAiServer.Options.defaults(), settings().withMaxRetries(0));
        server.enqueue(FakeReply.serverError(500));
        MDC.put("correlation_id", "req-42");

        ChatModelException failure;
        try {
            failure = catchThrowableOfType(ChatModelException.class,
                    () -> model.stream(userSays("hi"), new RecordingSink(), new Cancellation()));
        } finally {
            MDC.remove("correlation_id");
        }

        assertThat(failure.getMessage()).isEqualTo("The model provider failed (HTTP 500). Try again later.");
        assertFitForEndUsers(failure.getMessage(), server.baseUrl());
        assertThat(logs.warnings()).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).contains("UNAVAILABLE", server.baseUrl(), "HTTP 500", "fake-model")
                    .doesNotContain("\n");
            assertThat(line.getMDCPropertyMap()).containsEntry("correlation_id", "req-42");
        });
    }

    @Test
    void givenErrorFrameMidStream_stream_failsAfterForwardingThePartialText() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.midStreamError("The answer is", "The server had an error"));
        RecordingSink sink = new RecordingSink();

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), sink, new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("broke off the reply");
        assertThat(failure.detail()).contains(server.baseUrl(), "The server had an error");
        assertThat(sink.text()).isEqualTo("The answer is");
        assertThat(sink.finishes()).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givenStallMidStream_stream_timesOutAfterTheReadTimeout() {
        start(FakeOpenAiServer.Options.defaults(), settings()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(400)));
        server.enqueue(FakeReply.stallAfter("Thinking"));
        RecordingSink sink = new RecordingSink();
        long started = System.nanoTime();

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), sink, new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("sent nothing for 400 ms");
        assertThat(sink.text()).isEqualTo("Thinking");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(10));
        assertThat(server.requests()).as("nothing is retried after the first token").hasSize(1);
    }

    @Test
    void givenASilentEndpoint_theCallFailsAsTimeoutAtItsTotalDeadline_notAfterEveryRetrysReadTimeout() {
        start(FakeOpenAiServer.Options.defaults(), settings().withMaxRetries(2)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(1500)));
        server.enqueue(FakeReply.stall(), FakeReply.stall(), FakeReply.stall());
        long started = System.nanoTime();

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), new RecordingSink(), new Cancellation()));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("The model provider did not finish within 2 s. Try again later.");
        assertThat(took).as("about the 2 s deadline, not 3 attempts of 1.5 s plus back-off")
                .isBetween(Duration.ofSeconds(2), Duration.ofMillis(3500));
    }

    @Test
    void givenAReplyStreamingPastTheDeadline_theCallFailsAsTimeoutAfterForwardingWhatCame() {
        start(FakeOpenAiServer.Options.defaults(), settings()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        server.enqueue(FakeReply.paced("word ".repeat(100), 10));
        RecordingSink sink = new RecordingSink();

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("talk"), sink, new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.TIMEOUT);
        assertThat(sink.deltas()).isNotEmpty().hasSizeLessThan(100);
        assertThat(sink.finishes()).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givenStallBeforeAnyResponse_stream_timesOutAfterEachRetry() {
        start(FakeOpenAiServer.Options.defaults(), settings().withMaxRetries(1)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(300)));
        server.enqueue(FakeReply.stall(), FakeReply.stall());

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), new RecordingSink(), new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.TIMEOUT);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givenCancelMidStream_stream_returnsAtOnceAndTheServerSeesTheConnectionClose() throws Exception {
        start(FakeOpenAiServer.Options.defaults().withTokensPerSecond(20), settings());
        server.enqueue(FakeReply.text("word ".repeat(400)));
        RecordingSink sink = new RecordingSink();
        Cancellation cancellation = new Cancellation();
        Thread streaming = Thread.ofVirtual().start(() -> model.stream(userSays("talk"), sink, cancellation));
        assertThat(sink.firstText().await(10, TimeUnit.SECONDS)).isTrue();

        cancellation.cancel();

        assertThat(streaming.join(Duration.ofSeconds(5))).as("stream() returned").isTrue();
        assertThat(server.awaitDisconnects(1, Duration.ofSeconds(5))).as("server saw the close").isTrue();
        assertThat(sink.deltas().size()).isLessThan(400);
        assertThat(sink.finishes()).isEmpty();
    }

    @Test
    void givenCancelBeforeStart_stream_sendsNothing() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        RecordingSink sink = new RecordingSink();

        model.stream(userSays("hi"), sink, cancellation);

        assertThat(sink.events()).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void givenCancelDuringRetryBackoff_stream_returnsWithoutWaitingItOut() throws Exception {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.rateLimited(Duration.ofSeconds(30)), FakeReply.text("too late"));
        Cancellation cancellation = new Cancellation();
        RecordingSink sink = new RecordingSink();
        Thread streaming = Thread.ofVirtual().start(() -> model.stream(userSays("hi"), sink, cancellation));
        awaitRequests(1);

        cancellation.cancel();

        assertThat(streaming.join(Duration.ofSeconds(5))).as("stream() returned").isTrue();
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void givenWrongApiKey_stream_failsMisconfiguredNamingTheEndpointButNotTheKey() {
        start(FakeOpenAiServer.Options.defaults().withApiKey("sk-the-right-key-000000"), settings());

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), new RecordingSink(), new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.MISCONFIGURED);
        assertThat(failure.getMessage()).contains("HTTP 401", "OPENAI_API_KEY")
                .doesNotContain(KEY).doesNotContain("sk-the-right-key");
        assertThat(failure.detail()).contains(server.baseUrl(), "HTTP 401")
                .doesNotContain(KEY).doesNotContain("sk-the-right-key");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givenNothingListening_stream_failsUnavailable() {
        server = FakeOpenAiServer.start();
        String deadUrl = server.baseUrl();
        server.close();
        model = new OpenAiChatModel(OpenAiSettings.of(deadUrl, KEY, "fake-model").withMaxRetries(0));

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), new RecordingSink(), new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("The model provider refused the connection. Try again later.");
        assertFitForEndUsers(failure.getMessage(), deadUrl);
        assertThat(logs.warnings()).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).contains(deadUrl, "refused the connection", "ConnectException"));
    }

    @Test
    void givenAnUnknownHost_failsMisconfiguredWithoutNamingTheHost_andTheWarningLogLineNamesIt() {
        String unknown = "http://confab-no-such-host.invalid:8123/v1";
        model = new OpenAiChatModel(OpenAiSettings.of(unknown, KEY, "fake-model").withMaxRetries(0));

        ChatModelException failure = catchThrowableOfType(ChatModelException.class,
                () -> model.stream(userSays("hi"), new RecordingSink(), new Cancellation()));

        assertThat(failure.kind()).isEqualTo(ChatModelException.Kind.MISCONFIGURED);
        assertThat(failure.getMessage())
                .isEqualTo("The model provider cannot be found (unknown host): check OPENAI_BASE_URL.");
        assertFitForEndUsers(failure.getMessage(), unknown);
        assertThat(logs.warnings()).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).contains(unknown, "UnknownHostException"));
    }

    @Test
    void title_asksForAShortTitleWithoutStreaming() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.text("\"Shopping list for the weekend.\""));

        assertThat(model.title("add milk and eggs", "Added 2 tasks")).contains("\"Shopping list for the weekend.\"");
        assertThat(server.lastRequest().streaming()).isFalse();
        assertThat(server.lastRequest().messages().get(1).path("content").asText()).contains("add milk and eggs");
    }

    @Test
    void givenTitleCallFails_title_isEmpty() {
        start(FakeOpenAiServer.Options.defaults(), settings());
        server.enqueue(FakeReply.serverError(500));

        assertThat(model.title("hello", "hi")).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void name_isTheConfiguredModel() {
        start(FakeOpenAiServer.Options.defaults(), settings());

        assertThat(model.name()).isEqualTo("fake-model");
    }

    private void start(FakeOpenAiServer.Options options, OpenAiSettings settingsWithoutUrl) {
        server = FakeOpenAiServer.start(options);
        model = new OpenAiChatModel(new OpenAiSettings(server.baseUrl(), settingsWithoutUrl.apiKey(),
                settingsWithoutUrl.model(), settingsWithoutUrl.temperature(), settingsWithoutUrl.maxTokens(),
                settingsWithoutUrl.requestTimeout(), settingsWithoutUrl.connectTimeout(),
                settingsWithoutUrl.readTimeout(), settingsWithoutUrl.maxRetries()));
    }

    /** SPEC §18: what end users see names no host, port, URL or class. */
    private static void assertFitForEndUsers(String message, String baseUrl) {
        URI url = URI.create(baseUrl);
        assertThat(message).doesNotContain("http:", "https:", url.getHost(), String.valueOf(url.getPort()))
                .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b")
                .doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[A-Za-z]");
    }

    private static OpenAiSettings settings() {
        return OpenAiSettings.of("http://placeholder.invalid/v1", KEY, "fake-model")
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static ModelRequest userSays(String text) {
        return new ModelRequest("", List.of(new ModelMessage.User(text)), List.of());
    }

    private void awaitRequests(int count) {
        Await.until(count + " requests", Duration.ofSeconds(10), () -> server.requests().size() >= count);
    }
}
