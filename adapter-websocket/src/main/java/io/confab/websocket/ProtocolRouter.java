package io.confab.websocket;

import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.ValidationException;
import io.confab.domain.event.TypingChanged;
import io.confab.domain.port.EventBus;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out each client request (SPEC §7) through the use cases and answers it with an ack or an error. */
final class ProtocolRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolRouter.class);

    private final WebSocketUseCases useCases;
    private final EventBus bus;
    private final Clock clock;

    ProtocolRouter(WebSocketUseCases useCases, EventBus bus, Clock clock) {
        this.useCases = useCases;
        this.bus = bus;
        this.clock = clock;
    }

    void handle(ClientConnection connection, ClientRequest request) {
        try {
            switch (request) {
                case ClientRequest.SendMessage send -> sendMessage(connection, send);
                case ClientRequest.CreateConversation create -> createConversation(connection, create);
                case ClientRequest.Subscribe subscribe -> subscribe(connection, subscribe);
                case ClientRequest.Unsubscribe unsubscribe -> {
                    connection.closeFeed(unsubscribe.conversation());
                    connection.send(ServerFrames.ack(unsubscribe.requestId(), Optional.of(unsubscribe.conversation())));
                }
                case ClientRequest.UserScope scope -> userScope(connection, scope);
                case ClientRequest.Regenerate regenerate -> regenerate(connection, regenerate);
                case ClientRequest.EditMessage edit -> editMessage(connection, edit);
                case ClientRequest.Cancel cancel -> cancel(connection, cancel);
                case ClientRequest.Typing typing -> typing(connection, typing);
                case ClientRequest.Ping ping -> connection.send(ServerFrames.pong(ping.requestId()));
            }
        } catch (ValidationException e) {
            connection.send(ServerFrames.error(request.requestId(), ErrorCode.VALIDATION_FAILED, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("a WebSocket request failed", e);
            connection.send(ServerFrames.error(request.requestId(), ErrorCode.SERVER_UNAVAILABLE,
                    "the request could not be carried out; try again"));
        }
    }

    private void sendMessage(ClientConnection connection, ClientRequest.SendMessage send) {
        Message.checkUserContent(send.content());
        ConversationId conversation = send.conversation()
                .orElseGet(() -> useCases.createConversation().create(connection.user(), "").id());
        startTurn(connection, send, conversation, listener -> useCases.sendMessage().start(
                new SendMessage(connection.user(), conversation, send.content(), send.clientMessageId()), listener));
    }

    /**
     * Starts a turn with {@code start} and streams it to the socket, which it subscribes to the
     * conversation: the {@code ack} first, then every event of the turn; a turn that does not start
     * is answered with the error REST gives for it.
     */
    private void startTurn(ClientConnection connection, ClientRequest request, ConversationId conversation,
                           Function<TurnListener, TurnStart> start) {
        boolean newFeed = !connection.hasFeed(conversation);
        ConversationFeed feed = connection.feed(conversation);
        feed.hold();
        TurnStart started;
        try {
            started = start.apply(feed.directListener());
        } catch (RuntimeException e) {
            abandon(connection, feed, newFeed);
            throw e;
        }
        switch (started) {
            case TurnStart.Started turn -> {
                feed.subscribe(bus);
                feed.release(Optional.of(turn.turn()),
                        Optional.of(ServerFrames.ack(request.requestId(), Optional.of(conversation))), 0);
            }
            case TurnStart.NotFound ignored -> {
                abandon(connection, feed, newFeed);
                notFound(connection, request);
            }
            case TurnStart.RateLimited limited -> {
                abandon(connection, feed, newFeed);
                long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
                connection.send(ServerFrames.error(request.requestId(), ErrorCode.RATE_LIMITED,
                        "too many messages; retry in " + seconds + " s"));
            }
            case TurnStart.InProgress running -> {
                abandon(connection, feed, newFeed);
                connection.send(ServerFrames.turnInProgress(request.requestId(), running.turn()));
            }
        }
    }

    private void regenerate(ClientConnection connection, ClientRequest.Regenerate regenerate) {
        startTurn(connection, regenerate, regenerate.conversation(), listener -> useCases.retryReply()
                .regenerate(connection.user(), regenerate.conversation(), regenerate.message(), listener));
    }

    private void editMessage(ClientConnection connection, ClientRequest.EditMessage edit) {
        Message.checkUserContent(edit.content());
        startTurn(connection, edit, edit.conversation(), listener -> useCases.retryReply()
                .edit(connection.user(), edit.conversation(), edit.message(), edit.content(), listener));
    }

    private static void abandon(ClientConnection connection, ConversationFeed feed, boolean newFeed) {
        feed.release(Optional.empty(), Optional.empty(), 0);
        if (newFeed) {
            connection.closeFeed(feed.conversation());
        }
    }

    private void createConversation(ClientConnection connection, ClientRequest.CreateConversation create) {
        ConversationId conversation = useCases.createConversation().create(connection.user(), create.title()).id();
        connection.feed(conversation).subscribe(bus);
        connection.send(ServerFrames.ack(create.requestId(), Optional.of(conversation)));
    }

    private void subscribe(ClientConnection connection, ClientRequest.Subscribe subscribe) {
        ConversationId conversation = subscribe.conversation();
        if (!owns(connection, conversation)) {
            notFound(connection, subscribe);
            return;
        }
        ConversationFeed feed = connection.feed(conversation);
        feed.subscribe(bus);
        String ack = ServerFrames.ack(subscribe.requestId(), Optional.of(conversation));
        if (subscribe.resume().isEmpty()) {
            connection.send(ack);
            return;
        }
        ClientRequest.Resume resume = subscribe.resume().get();
        Optional<TurnPosition> after = resume instanceof ClientRequest.Resume.After exact
                ? Optional.of(exact.position()) : Optional.empty();
        long alreadySeen = switch (resume) {
            case ClientRequest.Resume.After exact -> exact.position().seq();
            case ClientRequest.Resume.AfterSeqOfLatestTurn latest -> latest.seq();
        };
        feed.hold();
        FollowOutcome outcome;
        try {
            outcome = useCases.followTurn().follow(connection.user(), conversation, after, feed.directListener());
        } catch (RuntimeException e) {
            feed.release(Optional.empty(), Optional.empty(), 0);
            throw e;
        }
        switch (outcome) {
            case FollowOutcome.Following following -> {
                feed.addSubscription(following.subscription());
                feed.release(Optional.of(following.turn()), Optional.of(ack), alreadySeen);
            }
            case FollowOutcome.NoTurn ignored -> feed.release(Optional.<TurnId>empty(), Optional.of(ack), 0);
            case FollowOutcome.NotFound ignored -> {
                feed.release(Optional.empty(), Optional.empty(), 0);
                connection.closeFeed(conversation);
                notFound(connection, subscribe);
            }
        }
    }

    /** Every event of every conversation of the user from now on (or no more), on every instance. */
    private void userScope(ClientConnection connection, ClientRequest.UserScope scope) {
        if (scope.subscribe()) {
            connection.followUserConversations(bus);
        } else {
            connection.stopFollowingUserConversations();
        }
        connection.send(ServerFrames.ack(scope.requestId(), Optional.empty()));
    }

    private void cancel(ClientConnection connection, ClientRequest.Cancel cancel) {
        switch (useCases.cancelTurn().cancel(connection.user(), cancel.conversation())) {
            case CANCELLED -> connection.send(ServerFrames.ack(cancel.requestId(), Optional.of(cancel.conversation())));
            case NO_RUNNING_TURN -> connection.send(ServerFrames.error(cancel.requestId(), ErrorCode.NO_RUNNING_TURN,
                    "no turn is running in this conversation"));
            case NOT_FOUND -> notFound(connection, cancel);
        }
    }

    /** Published to the conversation (every instance); the sending socket does not get its own echo. */
    private void typing(ClientConnection connection, ClientRequest.Typing typing) {
        if (!owns(connection, typing.conversation())) {
            notFound(connection, typing);
            return;
        }
        TypingChanged event = new TypingChanged(typing.conversation(), connection.user(), typing.isTyping(),
                clock.instant());
        connection.publishedTyping(event);
        bus.publish(connection.user(), event);
        if (typing.requestId().isPresent()) {
            connection.send(ServerFrames.ack(typing.requestId(), Optional.of(typing.conversation())));
        }
    }

    /** A socket's feeds are only ever opened for its user's conversations, so they skip the store. */
    private boolean owns(ClientConnection connection, ConversationId conversation) {
        return connection.hasFeed(conversation)
                || useCases.getConversation().get(connection.user(), conversation).isPresent();
    }

    private static void notFound(ClientConnection connection, ClientRequest request) {
        String what = request instanceof ClientRequest.Regenerate || request instanceof ClientRequest.EditMessage
                ? "conversation or message not found" : "conversation not found";
        connection.send(ServerFrames.error(request.requestId(), ErrorCode.NOT_FOUND, what));
    }
}
