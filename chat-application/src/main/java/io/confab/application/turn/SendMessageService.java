package io.confab.application.turn;

import io.confab.application.ConfabPorts;
import io.confab.application.ConfabSettings;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.RateDecision;
import java.util.List;
import java.util.Optional;

/**
 * Starts agent turns (SPEC §3): owner-scoped load, idempotency by client_message_id, rate limit,
 * the user message stored before anything else, then the turn on a server-owned virtual thread.
 * A repeated client_message_id writes nothing: it answers with the first turn (waiting for it when
 * it still runs here).
 */
public final class SendMessageService implements SendMessageUseCase {

    /** The error code of a stream whose first attempt is still answered on another instance. */
    public static final String IN_PROGRESS = "turn_in_progress";

    private final ConfabPorts ports;
    private final ConfabSettings settings;
    private final TurnRegistry registry;
    private final FollowTurnUseCase follow;

    public SendMessageService(ConfabPorts ports, ConfabSettings settings, TurnRegistry registry,
                              FollowTurnUseCase follow) {
        this.ports = ports;
        this.settings = settings;
        this.registry = registry;
        this.follow = follow;
    }

    @Override
    public TurnOutcome send(SendMessage command) {
        return switch (begin(command, Optional.empty())) {
            case Begin.Missing missing -> new TurnOutcome.NotFound();
            case Begin.Limited limited -> new TurnOutcome.RateLimited(limited.decision().retryAfter());
            case Begin.Running running -> running.turn().awaitOutcome();
            case Begin.Done done -> done.outcome();
            case Begin.Elsewhere elsewhere -> new TurnOutcome.InProgress();
        };
    }

    @Override
    public TurnStart start(SendMessage command, TurnListener listener) {
        return switch (begin(command, Optional.of(listener))) {
            case Begin.Missing missing -> new TurnStart.NotFound();
            case Begin.Limited limited -> new TurnStart.RateLimited(limited.decision().retryAfter());
            case Begin.Running running -> new TurnStart.Started(running.turn().id);
            case Begin.Done done -> replay(done.outcome(), listener);
            case Begin.Elsewhere elsewhere -> followElsewhere(command, elsewhere.userMessage(), listener);
        };
    }

    /** How a request begins: not found, limited, a turn running here, a finished first turn, or one elsewhere. */
    private sealed interface Begin {
        record Missing() implements Begin {
        }

        record Limited(RateDecision.Limited decision) implements Begin {
        }

        record Running(RunningTurn turn) implements Begin {
        }

        record Done(TurnOutcome.Finished outcome) implements Begin {
        }

        record Elsewhere(Message userMessage) implements Begin {
        }
    }

    /**
     * The owner-scoped load is the read of the history window: one statement answers whether the
     * conversation is the user's and what the model will be given before the new message.
     */
    private Begin begin(SendMessage command, Optional<TurnListener> listener) {
        UserId user = command.user();
        Optional<List<Message>> window = ports.messages().latest(user, command.conversation(), settings.historyLimit());
        if (window.isEmpty()) {
            return new Begin.Missing();
        }
        Optional<String> key = command.clientMessageId().map(String::strip).filter(k -> !k.isEmpty());
        Optional<Message> earlier = key.flatMap(k -> ports.messages().findByClientMessageId(user, command.conversation(), k));
        if (earlier.isPresent()) {
            return retry(user, earlier.get(), listener);
        }
        if (ports.rateLimiter().acquire(user) instanceof RateDecision.Limited limited) {
            return new Begin.Limited(limited);
        }
        return newTurn(command, key, listener, window.get());
    }

    private Begin newTurn(SendMessage command, Optional<String> key, Optional<TurnListener> listener,
                          List<Message> earlier) {
        Message userMessage = Message.fromUser(new MessageId(ports.ids().next()), command.conversation(),
                command.content(), key, ports.clock().instant());
        RunningTurn turn = new RunningTurn(new TurnId(ports.ids().next()), command.user(), command.conversation(),
                userMessage.id());
        listener.ifPresent(l -> turn.follow(l, 0));
        registry.register(turn);
        AppendResult stored;
        try {
            stored = ports.messages().append(command.user(), userMessage);
        } catch (RuntimeException e) {
            registry.unregister(turn);
            throw e;
        }
        if (!(stored instanceof AppendResult.Appended)) {
            registry.unregister(turn);
        }
        return switch (stored) {
            case AppendResult.Appended appended -> run(turn, userMessage, earlier);
            case AppendResult.Duplicate duplicate -> retry(command.user(), duplicate.existing(), listener);
            case AppendResult.ConversationMissing missing -> new Begin.Missing();
        };
    }

    private Begin run(RunningTurn turn, Message userMessage, List<Message> earlier) {
        TurnEmitter events = new TurnEmitter(turn, ports.clock(), ports.eventLog(), ports.eventBus());
        events.messageCreated(userMessage);
        registry.run(turn, new AgentTurn(ports, settings, turn, events, userMessage, earlier));
        return new Begin.Running(turn);
    }

    /** The same client_message_id again: the first turn's result, or that turn still running. */
    private Begin retry(UserId user, Message userMessage, Optional<TurnListener> listener) {
        Optional<Begin> finished = finished(user, userMessage);
        if (finished.isPresent()) {
            return finished.get();
        }
        Optional<RunningTurn> local = registry.answering(userMessage.conversationId(), userMessage.id());
        if (local.isPresent()) {
            listener.ifPresent(l -> local.get().follow(l, 0));
            return new Begin.Running(local.get());
        }
        // the first turn may have ended between the two looks
        return finished(user, userMessage).orElseGet(() -> new Begin.Elsewhere(userMessage));
    }

    private Optional<Begin> finished(UserId user, Message userMessage) {
        return ports.messages().findReply(user, userMessage.conversationId(), userMessage.id())
                .map(reply -> new Begin.Done(StoredTurns.outcome(userMessage, reply)));
    }

    /** Replays a finished first turn: from the event log while it keeps the turn, else condensed. */
    private TurnStart replay(TurnOutcome.Finished outcome, TurnListener listener) {
        TurnId turn = new TurnId(outcome.assistantMessage().id().value());
        List<TurnEvent> kept = ports.eventLog().readAfter(turn, 0);
        deliver(kept.isEmpty() ? StoredTurns.condensedEvents(outcome) : kept, listener);
        return new TurnStart.Started(turn);
    }

    /**
     * The first turn runs on another instance: follow it through the event log and the bus. When no
     * log holds it (its instance died mid-turn), say so and end the stream.
     */
    private TurnStart followElsewhere(SendMessage command, Message userMessage, TurnListener listener) {
        Optional<TurnId> turn = ports.eventLog().latestTurn(command.conversation())
                .filter(id -> ports.eventLog().readAfter(id, 0).stream().findFirst()
                        .filter(first -> first instanceof TurnEvent.MessageCreated created
                                && created.message().id().equals(userMessage.id()))
                        .isPresent());
        if (turn.isPresent() && follow.follow(command.user(), command.conversation(),
                Optional.of(new FollowTurnUseCase.TurnPosition(turn.get(), 0)), listener)
                instanceof FollowTurnUseCase.FollowOutcome.Following following) {
            return new TurnStart.Started(following.turn());
        }
        TurnId unknown = new TurnId(ports.ids().next());
        deliver(List.of(
                new TurnEvent.MessageCreated(unknown, command.conversation(), 1, userMessage.createdAt(), userMessage),
                new TurnEvent.Failed(unknown, command.conversation(), 2, ports.clock().instant(), IN_PROGRESS,
                        "This message is still being answered elsewhere; its reply will appear in the conversation.")),
                listener);
        return new TurnStart.Started(unknown);
    }

    private static void deliver(List<TurnEvent> events, TurnListener listener) {
        try {
            events.forEach(listener::onEvent);
        } catch (RuntimeException e) {
            // a listener that throws is detached: it gets nothing more
        }
    }
}
