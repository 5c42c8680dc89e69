package io.confab.application.turn;

import io.confab.application.ConfabSettings;
import io.confab.application.TokenEstimate;
import io.confab.application.usecase.TurnFailure;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationSettings;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.Replies;
import io.confab.domain.Role;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.StoreUnavailableException;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The body of one agent turn (SPEC §3, after the user message is stored): build the history
 * window, stream the model, run tool rounds, store the assistant message once with every tool
 * call (and, under a metadata profile, the reply's structured metadata) and release the conversation's
 * lease in the same write, emit the metadata event and the terminal event, then name the conversation and
 * notify its owner. The lease goes before the terminal event, so a client that sends its next
 * message as soon as it sees the end never meets its own finished turn's lease.
 */
final class AgentTurn implements Runnable {

    private static final System.Logger LOG = System.getLogger(AgentTurn.class.getName());

    /** What every agent turn uses: stores, model, tools, settings. */
    private final AgentTurns shared;
    private final ConfabSettings settings;
    private final RunningTurn turn;
    private final TurnEmitter events;
    private final Message userMessage;
    /** The history window as read before the user message was stored. */
    private final List<Message> earlier;
    private final MessageId assistantId;
    /** The conversation's own system prompt, else the server's. */
    private final String systemPrompt;
    /** The conversation's own model (one the server allows), else empty: the configured one. */
    private final Optional<String> model;
    private final Draft draft = new Draft();
    /** The conversation as storing the reply left it; empty while (or when) the reply is not stored. */
    private Optional<Conversation> afterReply = Optional.empty();

    AgentTurn(AgentTurns shared, RunningTurn turn, TurnEmitter events, Message userMessage, List<Message> earlier,
              ConversationSettings conversation) {
        this.shared = shared;
        this.settings = shared.settings;
        this.turn = turn;
        this.events = events;
        this.userMessage = userMessage;
        this.earlier = earlier;
        this.systemPrompt = conversation.systemPrompt().orElse(settings.systemPrompt());
        this.model = conversation.model();
        this.assistantId = new MessageId(turn.id.value());
    }

    @Override
    public void run() {
        TurnOutcome.Finished outcome = converse();
        shared.activity.afterTurn(turn.user, outcome, afterReply);
        turn.finish(outcome);
    }

    private TurnOutcome.Finished converse() {
        try {
            chat();
            return turn.cancellation.isCancelled() ? interrupted() : completed();
        } catch (ChatModelException e) {
            if (turn.cancellation.isCancelled()) {
                return interrupted();
            }
            LOG.log(System.Logger.Level.WARNING, "turn " + turn.id + " of conversation " + turn.conversation
                    + ": the model failed (" + e.kind() + "): " + e.getMessage());
            return failed(failureOf(e.kind()), e.getMessage());
        } catch (StoreUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "store unavailable during turn " + turn.id, e);
            return failed(TurnFailure.STORE_UNAVAILABLE, "The store is unavailable; the reply could not be saved.");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "turn " + turn.id + " failed", e);
            return failed(TurnFailure.INTERNAL, "Something went wrong while writing the reply.");
        }
    }

    /** Model calls and tool rounds until the model answers without tools, the rounds run out, or a cancel. */
    private void chat() {
        UserId user = turn.user;
        List<ModelMessage> messages = new ArrayList<>(HistoryWindow.build(window(),
                settings.tokenBudget() - TokenEstimate.ofText(systemPrompt)));
        List<ToolDefinition> tools = shared.tools.tools(user);
        Map<String, ToolDefinition> byName = tools.stream()
                .collect(Collectors.toMap(ToolDefinition::name, Function.identity(), (a, b) -> a));
        ToolCatalog audited = shared.recorder.map(recorder -> recorder.inTurn(shared.tools, turn.conversation))
                .orElse(shared.tools);
        ToolRunner runner = new ToolRunner(audited, byName, user, events, turn.cancellation);
        for (int round = 0; !turn.cancellation.isCancelled(); round++) {
            boolean mayUseTools = round < settings.maxToolRounds();
            events.thinking();
            ModelRound.Result said = ModelRound.stream(shared.model,
                    new ModelRequest(systemPrompt, messages, mayUseTools ? tools : List.of(), model),
                    turn.cancellation, events, assistantId, draft);
            if (said.toolCalls().isEmpty() || !mayUseTools) {
                return;
            }
            messages.add(new ModelMessage.Assistant(said.text(), said.toolCalls()));
            for (ToolCallRequest call : said.toolCalls()) {
                if (turn.cancellation.isCancelled()) {
                    return;
                }
                var done = runner.run(call);
                draft.addToolCall(done);
                messages.add(new ModelMessage.ToolResult(done.id(), done.tool(), done.result()));
            }
        }
    }

    /** The last messages up to the history limit: those read at the start (current replies only), then the user message. */
    private List<Message> window() {
        List<Message> window = new ArrayList<>(earlier.size() + 1);
        window.addAll(Replies.current(earlier));
        window.add(userMessage);
        return window.subList(Math.max(0, window.size() - settings.historyLimit()), window.size());
    }

    private TurnOutcome.Finished completed() {
        Optional<JsonValue.Obj> metadata = settings.replyMetadata().describe(shared.model, userMessage.content(), draft.text());
        Message reply = reply(MessageStatus.COMPLETE, metadata.orElseGet(JsonValue.Obj::empty));
        if (!stored(shared.leasing.finish(turn, reply))) {
            return failed(TurnFailure.CONVERSATION_DELETED, "The conversation was deleted while the reply was being written.");
        }
        metadata.ifPresent(described -> events.metadata(reply.id(), described));
        events.completed(reply, reply.usage());
        return new TurnOutcome.Completed(userMessage, reply);
    }

    private TurnOutcome.Finished interrupted() {
        Message reply = reply(MessageStatus.INTERRUPTED, JsonValue.Obj.empty());
        try {
            store(reply);
        } catch (StoreUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store the interrupted reply of turn " + turn.id, e);
        }
        shared.leasing.release(turn);
        events.cancelled(reply);
        return new TurnOutcome.Cancelled(userMessage, reply);
    }

    private TurnOutcome.Finished failed(TurnFailure failure, String detail) {
        Message reply = reply(MessageStatus.FAILED, StoredTurns.failureMetadata(failure, detail));
        try {
            store(reply);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store the failed reply of turn " + turn.id, e);
        }
        shared.leasing.release(turn);
        events.failed(failure.code(), detail);
        return new TurnOutcome.Failed(userMessage, reply, failure, detail);
    }

    private Message reply(MessageStatus status, JsonValue.Obj metadata) {
        return new Message(assistantId, turn.conversation, Role.ASSISTANT, draft.text(), status, draft.toolCalls(),
                Optional.of(model.orElseGet(shared.model::name)), draft.usage(), metadata, Optional.empty(),
                Optional.of(userMessage.id()), shared.clock.instant(), Optional.empty());
    }

    /** False when the conversation disappeared (deleted) while the turn ran. */
    private boolean store(Message reply) {
        return stored(shared.messages.append(turn.user, reply));
    }

    /** False when the conversation disappeared (deleted) while the turn ran; else keeps the conversation as the reply left it. */
    private boolean stored(AppendResult stored) {
        if (stored instanceof AppendResult.Appended appended) {
            afterReply = Optional.of(appended.conversation());
        }
        return !(stored instanceof AppendResult.ConversationMissing);
    }

    private static TurnFailure failureOf(ChatModelException.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> TurnFailure.MODEL_UNAVAILABLE;
            case TIMEOUT -> TurnFailure.MODEL_TIMEOUT;
            case MISCONFIGURED -> TurnFailure.MODEL_MISCONFIGURED;
        };
    }
}
