package io.confab.testkit;

import io.confab.domain.Cancellation;
import io.confab.domain.TokenUsage;
import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link io.confab.domain.port.ChatModel} that plays scripted replies, one per call, and records
 * every request. Replies can stream text, ask for tools, report usage, fail mid-stream, or hang
 * until cancelled (a slow stream). With no script left it echoes the last user message, or
 * answers as {@link #otherwise} says.
 */
public final class ScriptedChatModel implements io.confab.domain.port.ChatModel {

    private static final Duration HANG_LIMIT = Duration.ofSeconds(20);

    private final String name;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> titleRequests = new CopyOnWriteArrayList<>();
    private volatile Optional<String> title = Optional.empty();
    private final List<MetadataRequest> metadataRequests = new CopyOnWriteArrayList<>();
    private volatile Function<MetadataRequest, Optional<JsonValue>> metadata = request -> Optional.empty();
    private volatile Function<ModelRequest, Reply> otherwise =
            request -> Reply.text("echo: " + lastUserText(request));

    public ScriptedChatModel(String name) {
        this.name = name;
    }

    public ScriptedChatModel() {
        this("scripted-model");
    }

    /** Queues the reply for the next call. */
    public ScriptedChatModel then(Reply reply) {
        script.add(reply);
        return this;
    }

    /** How to answer a call when the script is empty (by default an echo of the last user message). */
    public ScriptedChatModel otherwise(Function<ModelRequest, Reply> rule) {
        this.otherwise = rule;
        return this;
    }

    /** What {@link #title} answers (empty by default: Confab then uses the first words). */
    public ScriptedChatModel suggestingTitle(String suggestion) {
        this.title = Optional.of(suggestion);
        return this;
    }

    /** How {@link #replyMetadata} answers (empty by default; it may throw to play a failing model). */
    public ScriptedChatModel describing(Function<MetadataRequest, Optional<JsonValue>> answer) {
        this.metadata = answer;
        return this;
    }

    public List<MetadataRequest> metadataRequests() {
        return List.copyOf(metadataRequests);
    }

    public List<ModelRequest> requests() {
        return List.copyOf(requests);
    }

    public int titleRequests() {
        return titleRequests.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> title(String userMessage, String reply) {
        titleRequests.add(userMessage);
        return title;
    }

    @Override
    public Optional<JsonValue> replyMetadata(MetadataRequest request) {
        metadataRequests.add(request);
        return metadata.apply(request);
    }

    @Override
    public void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation) {
        requests.add(request);
        Reply reply = script.poll();
        (reply == null ? otherwise.apply(request) : reply).play(sink, cancellation);
    }

    private static String lastUserText(ModelRequest request) {
        return request.messages().stream()
                .filter(ModelMessage.User.class::isInstance)
                .map(m -> ((ModelMessage.User) m).content())
                .reduce((first, second) -> second)
                .orElse("");
    }

    /** One scripted model reply; build with the static factories and the chained modifiers. */
    public static final class Reply {

        private final List<String> deltas = new ArrayList<>();
        private final List<ToolCallRequest> toolCalls = new ArrayList<>();
        private TokenUsage usage = TokenUsage.NONE;
        private ChatModelException failure;
        private final List<String> deltasAfterGate = new ArrayList<>();
        private CompletableFuture<?> gate;
        private CountDownLatch hangingSignal;

        /** Streams these text deltas, then finishes. */
        public static Reply text(String... deltas) {
            Reply reply = new Reply();
            reply.deltas.addAll(List.of(deltas));
            return reply;
        }

        /** Streams {@code text} one word per delta ("a b" as "a", " b"), then finishes. */
        public static Reply words(String text) {
            String[] words = text.split(" ");
            Reply reply = new Reply();
            for (int i = 0; i < words.length; i++) {
                reply.deltas.add(i == 0 ? words[i] : " " + words[i]);
            }
            return reply;
        }

        /** Asks for one tool call. */
        public static Reply toolCall(String id, String tool, JsonValue arguments) {
            return new Reply().andToolCall(id, tool, arguments);
        }

        public Reply andToolCall(String id, String tool, JsonValue arguments) {
            toolCalls.add(new ToolCallRequest(id, tool, arguments));
            return this;
        }

        public Reply usage(long prompt, long completion) {
            usage = new TokenUsage(prompt, completion);
            return this;
        }

        /** After the text, fails as a provider would. */
        public Reply thenFail(ChatModelException.Kind kind, String message) {
            failure = new ChatModelException(kind, message);
            return this;
        }

        /** After the text, hangs until cancelled (as a slow upstream would); counts {@code signal} down when hanging. */
        public Reply thenHangUntilCancelled(CountDownLatch signal) {
            hangingSignal = signal;
            gate = new CompletableFuture<>();
            return this;
        }

        /** After the text, holds until the test completes {@code release}, then streams {@code more}; a cancel ends it. */
        public Reply thenHoldUntil(CompletableFuture<?> release, String... more) {
            gate = release;
            deltasAfterGate.addAll(List.of(more));
            return this;
        }

        void play(Consumer<ModelEvent> sink, Cancellation cancellation) {
            deltas.forEach(delta -> sink.accept(new ModelEvent.TextDelta(delta)));
            if (gate != null && cancelledWhileHeld(cancellation)) {
                return;
            }
            deltasAfterGate.forEach(delta -> sink.accept(new ModelEvent.TextDelta(delta)));
            if (failure != null) {
                throw failure;
            }
            toolCalls.forEach(call -> sink.accept(new ModelEvent.ToolCallRequested(call)));
            sink.accept(new ModelEvent.UsageReported(usage));
            sink.accept(new ModelEvent.Finished(toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS));
        }

        /** Waits for the gate or a cancel, whichever comes first; true when the turn was cancelled. */
        private boolean cancelledWhileHeld(Cancellation cancellation) {
            CompletableFuture<Void> cancelled = new CompletableFuture<>();
            cancellation.onCancel(() -> cancelled.complete(null));
            if (hangingSignal != null) {
                hangingSignal.countDown();
            }
            try {
                CompletableFuture.anyOf(gate, cancelled).get(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatModelException(ChatModelException.Kind.UNAVAILABLE, "interrupted", e);
            } catch (TimeoutException e) {
                throw new ChatModelException(ChatModelException.Kind.TIMEOUT, "scripted stream was never released");
            } catch (ExecutionException e) {
                throw new ChatModelException(ChatModelException.Kind.UNAVAILABLE, "the gate failed", e);
            }
            return cancellation.isCancelled();
        }
    }
}
