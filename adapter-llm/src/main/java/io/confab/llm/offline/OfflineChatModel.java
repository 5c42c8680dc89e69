package io.confab.llm.offline;

import io.confab.application.TokenEstimate;
import io.confab.domain.Cancellation;
import io.confab.domain.TokenUsage;
import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.port.ChatModel;
import io.confab.domain.tool.ToolDefinition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The default model: a deterministic assistant with no network that understands task requests in
 * plain English and answers them through the real tool-call path. It is stateless: every decision
 * comes from the request (the last user message and the tool results after it). Replies stream
 * word by word, followed by an estimated usage.
 */
public final class OfflineChatModel implements ChatModel {

    private static final Pattern WORDS = Pattern.compile("\\S+\\s*");
    private static final int TITLE_WORDS = 6;

    private final Clauses clauses = new Clauses(new IntentParser());
    private final Planner planner = new Planner();
    private final Supplier<String> callIds;

    public OfflineChatModel() {
        this(() -> "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    }

    /** With a source of tool call ids, each of which must be unique. */
    OfflineChatModel(Supplier<String> callIds) {
        this.callIds = callIds;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation) {
        Turn turn = Turn.of(request);
        Set<String> tools = request.tools().stream().map(ToolDefinition::name).collect(Collectors.toSet());
        long completionTokens = 0;
        FinishReason finish;
        switch (planner.next(clauses.intents(turn.userText()), turn, tools)) {
            case Planner.Step.Calls calls -> {
                for (Planner.Call call : calls.calls()) {
                    ToolCallRequest toolCall = new ToolCallRequest(callIds.get(), call.tool(), call.arguments());
                    completionTokens += TokenEstimate.ofCall(toolCall);
                    sink.accept(new ModelEvent.ToolCallRequested(toolCall));
                }
                finish = FinishReason.TOOL_CALLS;
            }
            case Planner.Step.Say say -> {
                var words = WORDS.matcher(say.text()).results().iterator();
                while (words.hasNext()) {
                    if (cancellation.isCancelled()) {
                        return;
                    }
                    sink.accept(new ModelEvent.TextDelta(words.next().group()));
                }
                completionTokens = TokenEstimate.ofText(say.text());
                finish = FinishReason.STOP;
            }
        }
        sink.accept(new ModelEvent.UsageReported(new TokenUsage(TokenEstimate.ofRequest(request), completionTokens)));
        sink.accept(new ModelEvent.Finished(finish));
    }

    /** The profile's rules applied to the user's message: no network, no model call. */
    @Override
    public Optional<JsonValue> replyMetadata(MetadataRequest request) {
        return Optional.of(MetadataRules.apply(request.profile(), request.userMessage()));
    }

    /** The first words of the user's message (Confab tidies every suggested title the same way). */
    @Override
    public Optional<String> title(String userMessage, String reply) {
        List<String> words = List.of(Phrasing.normalize(userMessage).split(" "));
        String title = String.join(" ", words.subList(0, Math.min(words.size(), TITLE_WORDS))).strip();
        return title.isEmpty() ? Optional.empty() : Optional.of(title);
    }
}
