package io.confab.rest;

import io.confab.application.memory.InMemoryConversationRepository;
import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.ListConversationsUseCase;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.ListTasksUseCase;
import io.confab.application.usecase.OneShotChatUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.MessageStatus;
import io.confab.domain.Page;
import io.confab.domain.TokenUsage;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-written stand-ins for the use cases, so the HTTP mapping is tested on its own: real
 * in-memory conversations, scripted turns. Tests replace single use cases before starting.
 */
final class Stubs {

    final InMemoryConversationRepository conversations = new InMemoryConversationRepository();

    SendMessageUseCase sendMessage = new SendMessageUseCase() {
        @Override
        public TurnOutcome send(SendMessage command) {
            return find(command.user(), command.conversation())
                    .<TurnOutcome>map(c -> completed(command.conversation(), command.content()))
                    .orElse(new TurnOutcome.NotFound());
        }

        @Override
        public TurnStart start(SendMessage command, TurnListener listener) {
            if (find(command.user(), command.conversation()).isEmpty()) {
                return new TurnStart.NotFound();
            }
            TurnId turn = new TurnId(UUID.randomUUID());
            Thread.startVirtualThread(() -> events(turn, command.conversation(), command.content()).forEach(listener::onEvent));
            return new TurnStart.Started(turn);
        }
    };
    FollowTurnUseCase followTurn = (user, conversation, after, listener) -> new FollowOutcome.NoTurn();
    CancelTurnUseCase cancelTurn = (user, conversation) -> find(user, conversation).isPresent()
            ? CancelTurnUseCase.CancelOutcome.NO_RUNNING_TURN : CancelTurnUseCase.CancelOutcome.NOT_FOUND;
    OneShotChatUseCase oneShotChat = new OneShotChatUseCase() {
        @Override
        public TurnOutcome chat(UserId user, Optional<ConversationId> conversation, String message) {
            return completed(conversation.orElseGet(() -> create(user, "").id()), message);
        }

        @Override
        public TurnStart start(UserId user, Optional<ConversationId> conversation, String message, TurnListener listener) {
            ConversationId target = conversation.orElseGet(() -> create(user, "").id());
            return sendMessage.start(new SendMessageUseCase.SendMessage(user, target, message, Optional.empty()), listener);
        }
    };
    ListTasksUseCase listTasks = (owner, filter) -> List.of();
    /** The newest message the conversation list shows, by conversation (none by default). */
    final Map<ConversationId, MessagePreview> lastMessages = new ConcurrentHashMap<>();
    ListMessagesUseCase listMessages = (owner, conversation, before, limit) ->
            find(owner, conversation).map(c -> new MessagePage(List.of(), false));

    RestUseCases useCases() {
        return new RestUseCases(
                this::create,
                (owner, query) -> {
                    var page = conversations.list(owner, query);
                    return new Page<>(page.items().stream()
                            .map(c -> new ListConversationsUseCase.Listed(c, Optional.ofNullable(lastMessages.get(c.id()))))
                            .toList(), page.total(), page.offset(), page.limit());
                },
                this::find,
                (owner, id, changes) -> find(owner, id).flatMap(c -> conversations.update(
                        c.withTitle(changes.title().orElse(c.title()), Instant.now()))),
                (owner, id) -> conversations.delete(owner, id, Instant.now()),
                (owner, conversation, before, limit) -> listMessages.list(owner, conversation, before, limit),
                new SendMessageUseCase() {
                    @Override
                    public TurnOutcome send(SendMessage command) {
                        return sendMessage.send(command);
                    }

                    @Override
                    public TurnStart start(SendMessage command, TurnListener listener) {
                        return sendMessage.start(command, listener);
                    }
                },
                (user, conversation, after, listener) -> followTurn.follow(user, conversation, after, listener),
                (user, conversation) -> cancelTurn.cancel(user, conversation),
                new OneShotChatUseCase() {
                    @Override
                    public TurnOutcome chat(UserId user, Optional<ConversationId> conversation, String message) {
                        return oneShotChat.chat(user, conversation, message);
                    }

                    @Override
                    public TurnStart start(UserId user, Optional<ConversationId> conversation, String message,
                                           TurnListener listener) {
                        return oneShotChat.start(user, conversation, message, listener);
                    }
                },
                (owner, filter) -> listTasks.list(owner, filter));
    }

    Conversation create(UserId owner, String title) {
        Conversation conversation = Conversation.start(new ConversationId(UUID.randomUUID()), owner, title, Instant.now());
        conversations.insert(conversation);
        return conversation;
    }

    Optional<Conversation> find(UserId owner, ConversationId id) {
        return conversations.find(owner, id);
    }

    static TurnOutcome.Completed completed(ConversationId conversation, String content) {
        Message user = Message.fromUser(new MessageId(UUID.randomUUID()), conversation, content, Optional.empty(), Instant.now());
        return new TurnOutcome.Completed(user, reply(conversation, user.id(), "Hello!"));
    }

    static Message reply(ConversationId conversation, MessageId to, String text) {
        return Message.fromAssistant(new MessageId(UUID.randomUUID()), conversation, to, text, MessageStatus.COMPLETE,
                List.of(), "stub", new TokenUsage(3, 2), Instant.now());
    }

    /** A short turn: message_created, two chunks, complete. */
    static List<TurnEvent> events(TurnId turn, ConversationId conversation, String content) {
        Instant now = Instant.now();
        TurnOutcome.Completed done = completed(conversation, content);
        MessageId replyId = done.assistantMessage().id();
        return List.of(
                new TurnEvent.MessageCreated(turn, conversation, 1, now, done.userMessage()),
                new TurnEvent.Chunk(turn, conversation, 2, now, "Hel", replyId, 0),
                new TurnEvent.Chunk(turn, conversation, 3, now, "lo!", replyId, 1),
                new TurnEvent.Completed(turn, conversation, 4, now, done.assistantMessage(), TokenUsage.NONE));
    }
}
