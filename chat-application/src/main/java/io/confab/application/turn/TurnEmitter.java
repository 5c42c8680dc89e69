package io.confab.application.turn;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.TokenUsage;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Numbers a turn's events from 1 and sends each, in order, to the event log (for resumption), the
 * event bus (for sockets on every instance) and the running turn (its buffer and direct listeners).
 * The log and the bus are best effort: when they fail the turn goes on and the store stays the record.
 */
final class TurnEmitter {

    private static final System.Logger LOG = System.getLogger(TurnEmitter.class.getName());

    private final RunningTurn turn;
    private final Clock clock;
    private final EventLog log;
    private final EventBus bus;
    private long seq;
    private int chunkIndex;

    TurnEmitter(RunningTurn turn, Clock clock, EventLog log, EventBus bus) {
        this.turn = turn;
        this.clock = clock;
        this.log = log;
        this.bus = bus;
    }

    synchronized void messageCreated(Message userMessage) {
        emit(new TurnEvent.MessageCreated(id(), conversation(), ++seq, now(), userMessage));
    }

    synchronized void thinking() {
        emit(new TurnEvent.AgentThinking(id(), conversation(), ++seq, now(), "Thinking…"));
    }

    synchronized void chunk(String content, MessageId assistantMessage) {
        emit(new TurnEvent.Chunk(id(), conversation(), ++seq, now(), content, assistantMessage, chunkIndex++));
    }

    synchronized void toolStarting(String tool, String callId, JsonValue parameters, String activity) {
        emit(new TurnEvent.ToolStarting(id(), conversation(), ++seq, now(), tool, callId, parameters, activity));
    }

    synchronized void toolProgress(String tool, String callId, String message, Optional<Long> count) {
        emit(new TurnEvent.ToolProgress(id(), conversation(), ++seq, now(), tool, callId, message, count));
    }

    synchronized void toolComplete(String tool, String callId, JsonValue result, String summary) {
        emit(new TurnEvent.ToolComplete(id(), conversation(), ++seq, now(), tool, callId, result, summary));
    }

    synchronized void toolFailed(String tool, String callId, String error) {
        emit(new TurnEvent.ToolFailed(id(), conversation(), ++seq, now(), tool, callId, error));
    }

    synchronized void metadata(MessageId assistantMessage, JsonValue.Obj metadata) {
        emit(new TurnEvent.MetadataReady(id(), conversation(), ++seq, now(), assistantMessage, metadata));
    }

    synchronized void completed(Message assistantMessage, TokenUsage usage) {
        emit(new TurnEvent.Completed(id(), conversation(), ++seq, now(), assistantMessage, usage));
    }

    synchronized void cancelled(Message assistantMessage) {
        emit(new TurnEvent.Cancelled(id(), conversation(), ++seq, now(), assistantMessage));
    }

    synchronized void failed(String code, String message) {
        emit(new TurnEvent.Failed(id(), conversation(), ++seq, now(), code, message));
    }

    private synchronized void emit(TurnEvent event) {
        try {
            log.append(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event log unavailable; turn " + id() + " cannot be resumed elsewhere", e);
        }
        try {
            bus.publish(owner(), event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event bus unavailable; other instances miss turn " + id(), e);
        }
        turn.deliver(event);
    }

    private TurnId id() {
        return turn.id;
    }

    private ConversationId conversation() {
        return turn.conversation;
    }

    private UserId owner() {
        return turn.user;
    }

    private Instant now() {
        return clock.instant();
    }
}
