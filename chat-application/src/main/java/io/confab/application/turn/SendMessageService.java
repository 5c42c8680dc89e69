package io.confab.application.turn;

import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.RetryReplyUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.Role;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.LeaseClaim;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RateDecision;
import io.confab.domain.port.RateLimiter;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnOpening;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Starts agent turns (SPEC §3, §12): owner-scoped load, idempotency by client_message_id, rate
 * limit, the conversation's lease (one running turn per conversation, across instances), the user
 * message stored before anything else, then the turn on a server-owned virtual thread. A repeated
 * client_message_id writes nothing: it answers with the first turn (following it while it runs),
 * or runs it again when its instance died before it ended.
 */
public final class SendMessageService implements SendMessageUseCase, RetryReplyUseCase {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final RateLimiter rateLimiter;
    private final IdGenerator ids;
    private final Clock clock;
    private final EventLog eventLog;
    private final int historyLimit;
    private final TurnRegistry registry;
    private final TurnLeasing leasing;
    private final LostTurns lostTurns;
    private final FollowTurnUseCase follow;
    private final AgentTurns agentTurns;

    SendMessageService(ConversationRepository conversations, MessageRepository messages, RateLimiter rateLimiter,
                       IdGenerator ids, Clock clock, EventLog eventLog, TurnRegistry registry, TurnLeasing leasing, LostTurns lostTurns,
                       FollowTurnUseCase follow, AgentTurns agentTurns) {
        this.conversations = conversations;
        this.messages = messages;
        this.rateLimiter = rateLimiter;
        this.ids = ids;
        this.clock = clock;
        this.eventLog = eventLog;
        this.historyLimit = agentTurns.settings.historyLimit();
        this.registry = registry;
        this.leasing = leasing;
        this.lostTurns = lostTurns;
        this.follow = follow;
        this.agentTurns = agentTurns;
    }

    @Override
    public TurnOutcome send(SendMessage command) {
        return outcome(begin(command, Optional.empty()));
    }

    @Override
    public TurnStart start(SendMessage command, TurnListener listener) {
        return switch (begin(command, Optional.of(listener))) {
            case Begin.Missing missing -> new TurnStart.NotFound();
            case Begin.Limited limited -> new TurnStart.RateLimited(limited.decision().retryAfter());
            case Begin.Running running -> new TurnStart.Started(running.turn().id);
            case Begin.Done done -> replay(done.outcome(), listener);
            case Begin.Elsewhere elsewhere -> followElsewhere(command, elsewhere.turn(), listener);
            case Begin.Busy busy -> new TurnStart.InProgress(busy.turn());
        };
    }

    @Override
    public TurnStart retry(UserId user, ConversationId conversation, MessageId userMessage, TurnListener listener) {
        return started(beginRetry(user, conversation, userMessage, Optional.of(listener)), listener);
    }

    @Override
    public TurnStart regenerate(UserId user, ConversationId conversation, MessageId message, TurnListener listener) {
        return latestQuestion(user, conversation, message)
                .map(question -> retry(user, conversation, question, listener))
                .orElseGet(TurnStart.NotFound::new);
    }

    @Override
    public TurnOutcome regenerateAndWait(UserId user, ConversationId conversation, MessageId message) {
        return latestQuestion(user, conversation, message)
                .map(question -> outcome(beginRetry(user, conversation, question, Optional.empty())))
                .orElseGet(TurnOutcome.NotFound::new);
    }

    @Override
    public TurnStart edit(UserId user, ConversationId conversation, MessageId message, String content,
                          TurnListener listener) {
        return started(beginEdit(user, conversation, message, content, Optional.of(listener)), listener);
    }

    @Override
    public TurnOutcome editAndWait(UserId user, ConversationId conversation, MessageId message, String content) {
        return outcome(beginEdit(user, conversation, message, content, Optional.empty()));
    }

    /** The latest user message's new text, stored, then its turn given the history before the old text. */
    private Begin beginEdit(UserId user, ConversationId conversation, MessageId message, String content,
                            Optional<TurnListener> listener) {
        Optional<List<Message>> window = messages.latest(user, conversation, historyLimit);
        Optional<MessageId> original = window.isEmpty() ? Optional.empty() : latestQuestion(user, conversation, message);
        Optional<Message> question = original.flatMap(id -> messages.find(user, conversation, id));
        if (question.isEmpty()) {
            return new Begin.Missing();
        }
        Message edit = Message.editOf(new MessageId(ids.next()), question.get(), content, clock.instant());
        if (rateLimiter.acquire(user) instanceof RateDecision.Limited limited) {
            return new Begin.Limited(limited);
        }
        List<Message> earlier = before(window.get(), question.get().id());
        return newTurn(user, edit, Optional.empty(), listener, startWindow -> earlier);
    }

    /** How a request that waits for its turn ends, from how it began. */
    private static TurnOutcome outcome(Begin begin) {
        return switch (begin) {
            case Begin.Missing missing -> new TurnOutcome.NotFound();
            case Begin.Limited limited -> new TurnOutcome.RateLimited(limited.decision().retryAfter());
            case Begin.Running running -> running.turn().awaitOutcome();
            case Begin.Done done -> done.outcome();
            case Begin.Elsewhere elsewhere -> new TurnOutcome.InProgress(elsewhere.turn());
            case Begin.Busy busy -> new TurnOutcome.InProgress(busy.turn());
        };
    }

    /** How a streamed retry or edit answers, from how it began (a turn elsewhere is not followed: it is busy). */
    private TurnStart started(Begin begin, TurnListener listener) {
        return switch (begin) {
            case Begin.Missing missing -> new TurnStart.NotFound();
            case Begin.Limited limited -> new TurnStart.RateLimited(limited.decision().retryAfter());
            case Begin.Running running -> new TurnStart.Started(running.turn().id);
            case Begin.Busy busy -> new TurnStart.InProgress(busy.turn());
            case Begin.Elsewhere elsewhere -> new TurnStart.InProgress(elsewhere.turn());
            case Begin.Done done -> replay(done.outcome(), listener);
        };
    }

    /** A new turn for a stored user message, given the history before it; refused while any other turn runs. */
    private Begin beginRetry(UserId user, ConversationId conversation, MessageId userMessage,
                             Optional<TurnListener> listener) {
        Optional<List<Message>> window = messages.latest(user, conversation, historyLimit);
        Optional<Message> question = window.isEmpty() ? Optional.empty()
                : messages.find(user, conversation, userMessage).filter(m -> m.role() == Role.USER);
        if (question.isEmpty()) {
            return new Begin.Missing();
        }
        if (rateLimiter.acquire(user) instanceof RateDecision.Limited limited) {
            return new Begin.Limited(limited);
        }
        RunningTurn turn = new RunningTurn(new TurnId(ids.next()), user, conversation, userMessage);
        // no idempotency key: a retry is a new turn, refused while any other turn runs in the conversation
        Optional<Begin> refused = claim(turn, Optional.empty(), listener);
        if (refused.isPresent()) {
            return new Begin.Busy(switch (refused.get()) {
                case Begin.Running running -> running.turn().id;
                case Begin.Elsewhere elsewhere -> elsewhere.turn();
                case Begin.Busy busy -> busy.turn();
                default -> turn.id;
            });
        }
        return run(turn, question.get(), before(window.get(), userMessage), settingsOf(user, conversation));
    }

    /** The conversation's own settings, for a turn whose user message was stored earlier (a retry). */
    private ConversationSettings settingsOf(UserId user, ConversationId conversation) {
        return conversations.find(user, conversation).map(Conversation::settings).orElse(ConversationSettings.DEFAULTS);
    }

    /**
     * The user message of the conversation's latest exchange, when {@code message} names it or one
     * of its replies; empty when there is no such message.
     */
    private Optional<MessageId> latestQuestion(UserId user, ConversationId conversation, MessageId message) {
        Optional<Message> named = messages.find(user, conversation, message);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Optional<MessageId> question = named.get().role() == Role.USER ? Optional.of(named.get().id())
                : named.get().inReplyTo();
        Optional<MessageId> latest = messages.latest(user, conversation, historyLimit)
                .flatMap(window -> window.reversed().stream().filter(m -> m.role() == Role.USER).findFirst())
                .map(Message::id);
        if (question.isEmpty() || !question.equals(latest)) {
            throw new ValidationException("message_id", "only the reply to the conversation's latest message can be regenerated");
        }
        return question;
    }

    /**
     * How a request begins: not found, limited, a turn running here, a finished first turn, the
     * same message's turn running on another instance, or another message's turn running.
     */
    private sealed interface Begin {
        record Missing() implements Begin {
        }

        record Limited(RateDecision.Limited decision) implements Begin {
        }

        record Running(RunningTurn turn) implements Begin {
        }

        record Done(TurnOutcome.Finished outcome) implements Begin {
        }

        record Elsewhere(TurnId turn) implements Begin {
        }

        record Busy(TurnId turn) implements Begin {
        }
    }

    /**
     * A repeated client_message_id answers with its first turn; otherwise, once the rate limit
     * allows, the owner-scoped load is the start of the turn itself: one round trip reads the
     * history window (which answers whether the conversation is the user's), claims the
     * conversation and stores the new message ({@link TurnLeasing#start}).
     */
    private Begin begin(SendMessage command, Optional<TurnListener> listener) {
        UserId user = command.user();
        Optional<String> key = command.clientMessageId().map(String::strip).filter(k -> !k.isEmpty());
        Optional<Message> earlier = key.flatMap(k -> messages.findByClientMessageId(user, command.conversation(), k));
        if (earlier.isPresent()) {
            return retry(user, earlier.get(), listener);
        }
        if (rateLimiter.acquire(user) instanceof RateDecision.Limited limited) {
            return new Begin.Limited(limited);
        }
        Message userMessage = Message.fromUser(new MessageId(ids.next()), command.conversation(), command.content(), key,
                clock.instant());
        return newTurn(user, userMessage, key, listener, UnaryOperator.identity());
    }

    /**
     * Stores {@code userMessage} and runs its turn, given as the history before it what
     * {@code history} takes from the window read as the turn started.
     */
    private Begin newTurn(UserId user, Message userMessage, Optional<String> key, Optional<TurnListener> listener,
                          UnaryOperator<List<Message>> history) {
        RunningTurn turn = new RunningTurn(new TurnId(ids.next()), user, userMessage.conversationId(), userMessage.id());
        TurnLease lease = enrol(turn, key, listener);
        TurnOpening opening = recovering(turn, () -> leasing.start(turn, lease, userMessage, historyLimit),
                started -> started instanceof TurnOpening.Held held ? Optional.of(held.holder()) : Optional.empty());
        if (!(opening instanceof TurnOpening.Started)) {
            registry.unregister(turn);
        }
        return switch (opening) {
            case TurnOpening.Started started -> run(turn, userMessage, history.apply(started.history()),
                    started.appended().conversation().settings());
            case TurnOpening.Held held -> refused(held.holder(), lease, listener);
            case TurnOpening.Duplicate duplicate -> retry(user, duplicate.existing(), listener);
            case TurnOpening.Missing missing -> new Begin.Missing();
        };
    }

    /**
     * Registers the turn (so retries, followers and cancels find it) and claims its conversation;
     * empty when claimed, else how the request ends.
     */
    private Optional<Begin> claim(RunningTurn turn, Optional<String> key, Optional<TurnListener> listener) {
        TurnLease lease = enrol(turn, key, listener);
        LeaseClaim claim = recovering(turn, () -> leasing.claim(lease),
                claimed -> claimed instanceof LeaseClaim.Held held ? Optional.of(held.holder()) : Optional.empty());
        if (claim instanceof LeaseClaim.Held held) {
            registry.unregister(turn);
            return Optional.of(refused(held.holder(), lease, listener));
        }
        turn.leased();
        return Optional.empty();
    }

    /** Registers the turn (so retries, followers and cancels find it); answers the lease it asks for. */
    private TurnLease enrol(RunningTurn turn, Optional<String> key, Optional<TurnListener> listener) {
        listener.ifPresent(l -> turn.follow(l, 0));
        registry.register(turn);
        return leasing.leaseFor(turn, key);
    }

    /**
     * Makes the attempt to claim the turn's conversation; a lease left by a dead instance
     * ({@code holder} of the answer, expired) is taken over (its turn is ended as lost) and the
     * attempt made again, so nothing waits for a turn that no longer runs. The turn is unregistered
     * when an attempt throws.
     */
    private <T> T recovering(RunningTurn turn, Supplier<T> attempt, Function<T, Optional<TurnLease>> holder) {
        try {
            T answer = attempt.get();
            Optional<TurnLease> held = holder.apply(answer);
            if (held.isPresent() && held.get().isExpiredAt(clock.instant()) && lostTurns.recover(held.get())) {
                answer = attempt.get();
            }
            return answer;
        } catch (RuntimeException e) {
            registry.unregister(turn);
            throw e;
        }
    }

    /** How a request ends while {@code holder} holds the conversation: following the same message's turn, else busy. */
    private Begin refused(TurnLease holder, TurnLease lease, Optional<TurnListener> listener) {
        return holder.answersSameMessage(lease) ? following(holder.turn(), listener) : new Begin.Busy(holder.turn());
    }

    /** The turn never ran (its first turn ended meanwhile): forget it and free its conversation. */
    private void abandon(RunningTurn turn) {
        registry.unregister(turn);
        leasing.release(turn);
    }

    private Begin run(RunningTurn turn, Message userMessage, List<Message> earlier, ConversationSettings conversation) {
        registry.run(turn, agentTurns.start(turn, userMessage, earlier, conversation));
        return new Begin.Running(turn);
    }

    /**
     * The same client_message_id again: the first turn's result, or that turn still running (here
     * or elsewhere); when it was lost with its instance, or never answered, it runs again for the
     * stored user message.
     */
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
        return runAgain(user, userMessage, listener);
    }

    private Begin runAgain(UserId user, Message userMessage, Optional<TurnListener> listener) {
        RunningTurn turn = new RunningTurn(new TurnId(ids.next()), user, userMessage.conversationId(),
                userMessage.id());
        Optional<Begin> refused = claim(turn, userMessage.clientMessageId(), listener);
        if (refused.isPresent()) {
            return refused.get();
        }
        // the first turn may have ended between the first look and the claim
        Optional<Begin> finished = finished(user, userMessage);
        if (finished.isPresent()) {
            abandon(turn);
            return finished.get();
        }
        List<Message> window = messages.latest(user, userMessage.conversationId(), historyLimit).orElse(List.of());
        return run(turn, userMessage, before(window, userMessage.id()), settingsOf(user, userMessage.conversationId()));
    }

    private Optional<Begin> finished(UserId user, Message userMessage) {
        return messages.findReply(user, userMessage.conversationId(), userMessage.id())
                .filter(reply -> !StoredTurns.wasLost(reply))
                .map(reply -> new Begin.Done(StoredTurns.outcome(userMessage, reply)));
    }

    /** The same message's turn, running: followed here, or on another instance. */
    private Begin following(TurnId running, Optional<TurnListener> listener) {
        Optional<RunningTurn> local = registry.find(running);
        if (local.isPresent()) {
            listener.ifPresent(l -> local.get().follow(l, 0));
            return new Begin.Running(local.get());
        }
        return new Begin.Elsewhere(running);
    }

    /** The window's messages older than {@code message} (the history a turn run again is given). */
    private static List<Message> before(List<Message> window, MessageId message) {
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i).id().equals(message)) {
                return window.subList(0, i);
            }
        }
        return List.of();
    }

    /** Replays a finished first turn: from the event log while it keeps the turn, else condensed. */
    private TurnStart replay(TurnOutcome.Finished outcome, TurnListener listener) {
        TurnId turn = new TurnId(outcome.assistantMessage().id().value());
        List<TurnEvent> kept = eventLog.readAfter(turn, 0);
        deliver(kept.isEmpty() ? StoredTurns.condensedEvents(outcome) : kept, listener);
        return new TurnStart.Started(turn);
    }

    /** The first turn runs on another instance: follow it through the event log and the bus. */
    private TurnStart followElsewhere(SendMessage command, TurnId turn, TurnListener listener) {
        return follow.follow(command.user(), command.conversation(),
                Optional.of(new FollowTurnUseCase.TurnPosition(turn, 0)), listener)
                instanceof FollowTurnUseCase.FollowOutcome.Following following
                ? new TurnStart.Started(following.turn())
                : new TurnStart.InProgress(turn);
    }

    private static void deliver(List<TurnEvent> events, TurnListener listener) {
        try {
            events.forEach(listener::onEvent);
        } catch (RuntimeException e) {
            // a listener that throws is detached: it gets nothing more
        }
    }
}
