package io.confab.rest.chatkit;

import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.UserId;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import io.confab.rest.RestUseCases;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The requests ChatKit answers with a stream: a new thread with its first message, a message to a
 * thread, a reply written again. Each runs one turn through the same use cases as the REST API
 * and streams it as ChatKit frames ({@link TurnFrames}); closing the stream cancels the turn.
 */
final class TurnRequests {

    private final RestUseCases useCases;
    private final ThreadRequests threads;
    private final EventBus bus;
    private final Duration heartbeat;
    private final StreamCounter counter;

    TurnRequests(RestUseCases useCases, ThreadRequests threads, EventBus bus, Duration heartbeat, StreamCounter counter) {
        this.useCases = useCases;
        this.threads = threads;
        this.bus = bus;
        this.heartbeat = heartbeat;
        this.counter = counter;
    }

    void create(Context ctx, UserId user, ChatKitRequest.ThreadsCreate request) {
        String text = Message.checkUserContent(request.params().input().text()); // before the thread exists
        Conversation created = useCases.createConversation().create(user, "");
        List<Events.Event> first = List.of(new Events.ThreadCreated(Threads.thread(created, Wire.Page.empty())));
        stream(ctx, user, created, true, first,
                stream -> useCases.sendMessage().start(new SendMessage(user, created.id(), text, Optional.empty()), stream));
    }

    void addUserMessage(Context ctx, UserId user, ChatKitRequest.ThreadsAddUserMessage request) {
        Conversation conversation = threads.conversation(user, request.params().threadId());
        SendMessage command = new SendMessage(user, conversation.id(), request.params().input().text(), Optional.empty());
        stream(ctx, user, conversation, true, List.of(), stream -> useCases.sendMessage().start(command, stream));
    }

    /** The reference server drops the items after the user message; here they stay stored and the newest reply shows. */
    void retry(Context ctx, UserId user, ChatKitRequest.ThreadsRetryAfterItem request) {
        Conversation conversation = threads.conversation(user, request.params().threadId());
        MessageId userMessage = Threads.messageOf(request.params().itemId())
                .orElseThrow(() -> ChatKitRequestException.notFound("No item " + request.params().itemId() + " in this thread."));
        stream(ctx, user, conversation, false, List.of(),
                stream -> useCases.retryReply().retry(user, conversation.id(), userMessage, stream));
    }

    private void stream(Context ctx, UserId user, Conversation conversation, boolean announceUserMessage,
                        List<Events.Event> first, Function<ChatKitStream, TurnStart> start) {
        ChatKitStream stream = new ChatKitStream(conversation, announceUserMessage);
        try (Subscription notifications = bus.subscribeUser(user, stream::onNotification)) {
            switch (start.apply(stream)) {
                case TurnStart.Started ignored -> {
                    counter.opened();
                    try {
                        stream.pump(ctx, first, heartbeat, () -> useCases.cancelTurn().cancel(user, conversation.id()));
                    } finally {
                        counter.closed();
                    }
                }
                case TurnStart.NotFound ignored -> throw ChatKitRequestException.notFound("No such item in this thread.");
                case TurnStart.RateLimited limited -> ChatKitStream.refuse(ctx, first, Events.Error.custom(
                        "Too many messages; try again in " + Math.max(1, limited.retryAfter().toSeconds()) + " s."));
                case TurnStart.InProgress running -> ChatKitStream.refuse(ctx, first, Events.Error.custom(
                        "A reply is still being written in this thread; try again when it has finished."));
            }
        }
    }
}
