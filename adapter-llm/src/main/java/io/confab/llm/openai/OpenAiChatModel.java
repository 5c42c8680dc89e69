package io.confab.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.confab.domain.Cancellation;
import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.port.ChatModel;
import io.confab.json.JsonValues;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatModel} on any OpenAI-compatible chat completions endpoint (OpenAI, Gemini, Ollama,
 * vLLM, LM Studio) through openai-java: streams text as it arrives, joins tool-call deltas, reports
 * the provider's usage, retries before the first token, ends the whole call at its deadline and
 * closes the stream at once on cancel. A failure is logged (one WARN line with the endpoint and the
 * cause) and thrown with a message fit for end users.
 */
public final class OpenAiChatModel implements ChatModel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatModel.class);
    /** A blank key still has to be sent as something; local servers ignore it. */
    private static final String NO_KEY = "no-key";
    private static final Duration TITLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);
    private static final String TITLE_PROMPT = "Write a title of at most six words for the conversation below. "
            + "Answer with the title only, without quotes or a final period.";

    private final OpenAiSettings settings;
    private final OpenAIClient client;
    private final OpenAIClient noRetryClient;
    private final RequestMapper requests;
    private final ErrorMapper errors;
    private final CallDeadlines deadlines = new CallDeadlines();

    public OpenAiChatModel(OpenAiSettings settings) {
        this.settings = settings;
        Timeout timeouts = timeouts(settings);
        this.client = new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(new Hc5Transport(timeouts, deadlines))
                .timeout(timeouts)
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey().isBlank() ? NO_KEY : settings.apiKey())
                .maxRetries(settings.maxRetries())
                .sleeper(CallCancellation.SLEEPER)
                .build());
        this.noRetryClient = client.withOptions(options -> options.maxRetries(0));
        this.requests = new RequestMapper(settings);
        this.errors = new ErrorMapper(settings);
        Warmup.startOnce(requests);
    }

    @Override
    public String name() {
        return settings.model();
    }

    @Override
    public void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return;
        }
        var params = requests.streaming(request);
        Cancellation stop = new Cancellation();
        cancellation.onCancel(stop::cancel);
        try (CallDeadlines.Deadline deadline = deadlines.start(settings.requestTimeout(), stop);
             CallCancellation.Scope scope = CallCancellation.enter(stop)) {
            Call call = new Call(cancellation, deadline);
            try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = open(params, call)) {
                SseChunks chunks = new SseChunks(response.body());
                new ChunkReader(request, sink, errors).read(() -> next(chunks, call));
            }
        } catch (Cancelled e) {
            // the caller asked to stop: what was streamed so far stands, and no Finished follows
        } catch (ChatModelException e) {
            LOG.warn("model call failed ({}): {}", e.kind(), e.detail());
            throw e;
        }
    }

    /**
     * A short title from a cheap whole-reply call (10 s, no retries); empty when the provider fails,
     * so the conversation keeps its default title.
     */
    @Override
    public Optional<String> title(String userMessage, String reply) {
        try {
            var completion = noRetryClient.chat().completions()
                    .create(requests.title(TITLE_PROMPT, userMessage, reply),
                            RequestOptions.builder().timeout(TITLE_TIMEOUT).build());
            return completion.choices().stream()
                    .flatMap(choice -> choice.message().content().stream())
                    .map(String::strip)
                    .filter(title -> !title.isEmpty())
                    .findFirst();
        } catch (OpenAIException e) {
            return Optional.empty();
        }
    }

    /**
     * The reply's metadata from one whole-reply call under the profile's schema as a strict
     * response format (15 s, no retries: the turn waits for it); empty when the model answers
     * without content (a refusal).
     *
     * @throws ChatModelException when the provider fails; the caller then uses the fallback
     * @throws IllegalArgumentException when the content is not JSON
     */
    @Override
    public Optional<JsonValue> replyMetadata(MetadataRequest request) {
        try {
            var completion = noRetryClient.chat().completions()
                    .create(requests.metadata(request), RequestOptions.builder().timeout(METADATA_TIMEOUT).build());
            return completion.choices().stream()
                    .flatMap(choice -> choice.message().content().stream())
                    .filter(content -> !content.isBlank())
                    .findFirst()
                    .map(JsonValues::parse);
        } catch (OpenAIException e) {
            throw errors.map(e);
        }
    }

    /** Closes openai-java's client, which closes the transport and its pooled connections. */
    @Override
    public void close() {
        client.close();
        deadlines.close();
    }

    /**
     * Every HTTP attempt's timeouts, which openai-java hands the transport with each request (a
     * call's own, like the title's, replace some): the whole attempt, the connect, each read.
     */
    private static Timeout timeouts(OpenAiSettings settings) {
        return Timeout.builder()
                .request(settings.requestTimeout())
                .connect(settings.connectTimeout())
                .read(settings.readTimeout())
                .write(settings.readTimeout())
                .build();
    }

    /**
     * The streamed response, its body still unread: openai-java sends it (retries included), and
     * {@code parse()} is only asked for a failed status, to throw the provider's error.
     */
    private HttpResponseFor<StreamResponse<ChatCompletionChunk>> open(ChatCompletionCreateParams params, Call call) {
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = null;
        try {
            response = client.chat().completions().withRawResponse().createStreaming(params);
            if (response.statusCode() / 100 != 2) {
                response.parse();
                throw new IllegalStateException("HTTP " + response.statusCode() + " without an error");
            }
            return response;
        } catch (RuntimeException e) {
            if (response != null) {
                response.close();
            }
            throw failure(e, call);
        }
    }

    /** The next chunk, or null at the end; a failure while reading is mapped to a {@code ChatModelException}. */
    private JsonNode next(SseChunks chunks, Call call) {
        try {
            return chunks.next();
        } catch (RuntimeException e) {
            throw failure(e, call);
        }
    }

    /** What a failed HTTP call means: the caller's cancel, the passed deadline, else the provider's failure. */
    private RuntimeException failure(RuntimeException e, Call call) {
        if (call.cancellation().isCancelled()) {
            return new Cancelled();
        }
        return call.deadline().passed() ? errors.deadlinePassed(e) : errors.map(e);
    }

    /** The caller's cancellation and the deadline of one streaming call. */
    private record Call(Cancellation cancellation, CallDeadlines.Deadline deadline) {
    }

    /** Unwinds a call the caller cancelled. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
