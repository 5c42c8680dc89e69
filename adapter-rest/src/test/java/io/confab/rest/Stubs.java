package io.confab.rest;

import io.confab.application.memory.InMemoryConversationRepository;
import io.confab.application.memory.InMemoryEventBus;
import io.confab.application.memory.InMemoryMessageRepository;
import io.confab.application.memory.InMemoryToolCallAudit;
import io.confab.application.service.ConversationService;
import io.confab.application.service.ListToolCallsService;
import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.application.usecase.EraseAccountUseCase;
import io.confab.application.usecase.ExportConversationUseCase;
import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.GiveFeedbackUseCase;
import io.confab.application.usecase.ImportConversationUseCase;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.ListTasksUseCase;
import io.confab.application.usecase.OneShotChatUseCase;
import io.confab.application.usecase.RetryReplyUseCase;
import io.confab.application.usecase.SearchUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ListedConversation;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.MessageStatus;
import io.confab.domain.Page;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.TokenUsage;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.ConversationQuery;
import io.confab.json.JsonValues;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-written stand-ins for the use cases, so the HTTP mapping is tested on its own: real
 * in-memory conversations, scripted turns. Tests replace single use cases before starting.
 */
final class Stubs {

    final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
    private final ConversationService conversationService = new ConversationService(conversations,
            new InMemoryMessageRepository(conversations), new InMemoryEventBus(), Clock.systemUTC(),
            new TimeOrderedIdGenerator(), Set.of("offline", "model-b"));
    /** The last message each listed conversation shows; tests put what they need. */
    final Map<ConversationId, MessagePreview> lastMessages = new ConcurrentHashMap<>();

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
    final InMemoryToolCallAudit toolCalls = new InMemoryToolCallAudit(JsonValues::write);
    SearchUseCase search = query -> List.of();
    GiveFeedbackUseCase giveFeedback = (owner, conversation, message, feedback) -> false;
    ExportOne exportConversation = (owner, conversation) ->
            find(owner, conversation).map(c -> new ExportConversationUseCase.Export(c, List.of()));
    ImportConversationUseCase importConversation = (owner, command) -> create(owner, command.title());
    EraseAccountUseCase eraseAccount = owner -> new EraseAccountUseCase.Erased(0, 0);
    RetryReplyUseCase retryReply = new RetryReplyUseCase() {
        @Override
        public TurnStart retry(UserId user, ConversationId conversation, MessageId message, TurnListener listener) {
            return new TurnStart.NotFound();
        }

        @Override
        public TurnStart regenerate(UserId user, ConversationId conversation, MessageId message, TurnListener listener) {
            return new TurnStart.NotFound();
        }

        @Override
        public TurnOutcome regenerateAndWait(UserId user, ConversationId conversation, MessageId message) {
            return new TurnOutcome.NotFound();
        }

        @Override
        public TurnStart edit(UserId user, ConversationId conversation, MessageId message, String content,
                              TurnListener listener) {
            return new TurnStart.NotFound();
        }

        @Override
        public TurnOutcome editAndWait(UserId user, ConversationId conversation, MessageId message, String content) {
            return new TurnOutcome.NotFound();
        }
    };
    ListMessagesUseCase listMessages = new ListMessagesUseCase() {
        @Override
        public Optional<MessagePage> list(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
            return find(owner, conversation).map(c -> new MessagePage(List.of(), false));
        }

        @Override
        public Optional<List<Message>> versions(UserId owner, ConversationId conversation, MessageId message) {
            return Optional.empty();
        }
    };

    /** The export of one conversation, which the account export repeats for each of the owner's. */
    @FunctionalInterface
    interface ExportOne {
        Optional<ExportConversationUseCase.Export> export(UserId owner, ConversationId conversation);
    }

    private ExportConversationUseCase exportConversation() {
        return new ExportConversationUseCase() {
            @Override
            public Optional<Export> export(UserId owner, ConversationId conversation) {
                return exportConversation.export(owner, conversation);
            }

            @Override
            public int exportAll(UserId owner, Visitor visitor) {
                List<Export> all = conversations.list(owner, new ConversationQuery(0, ConversationQuery.MAX_LIMIT,
                                Optional.empty(), Optional.empty())).items().stream()
                        .flatMap(c -> export(owner, c.id()).stream()).toList();
                all.forEach(export -> visitor.conversation(export.conversation(), new Messages() {
                    @Override
                    public int count() {
                        return export.messages().size();
                    }

                    @Override
                    public Iterator<Message> iterator() {
                        return export.messages().iterator();
                    }
                }));
                return all.size();
            }
        };
    }

    RestUseCases useCases() {
        return new RestUseCases(
                conversationService,
                (owner, query) -> {
                    var page = conversations.list(owner, query);
                    return new Page<>(page.items().stream()
                            .map(c -> new ListedConversation(c, Optional.ofNullable(lastMessages.get(c.id()))))
                            .toList(), page.total(), page.offset(), page.limit());
                },
                this::find,
                (owner, id, changes) -> find(owner, id).flatMap(c -> conversations.update(
                        c.withTitle(changes.title().orElse(c.title()), Instant.now()))),
                (owner, id) -> conversations.delete(owner, id, Instant.now()),
                listMessages,
                (owner, conversation, message, feedback) -> giveFeedback.give(owner, conversation, message, feedback),
                exportConversation(),
                (owner, command) -> importConversation.importConversation(owner, command),
                owner -> eraseAccount.erase(owner),
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
                retryReply,
                oneShotChat,
                (owner, filter) -> listTasks.list(owner, filter),
                query -> search.search(query),
                new ListToolCallsService(Optional.of(toolCalls)));
    }

    Conversation create(UserId owner, String title) {
        return conversationService.create(owner, title);
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

    /** Turns that end with {@code outcome} at once (a blocking send only). */
    static SendMessageUseCase turnsEndingWith(TurnOutcome outcome) {
        return new SendMessageUseCase() {
            @Override
            public TurnOutcome send(SendMessage command) {
                return outcome;
            }

            @Override
            public TurnStart start(SendMessage command, TurnListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
