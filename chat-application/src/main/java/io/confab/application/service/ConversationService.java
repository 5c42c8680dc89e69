package io.confab.application.service;

import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.DeleteConversationUseCase;
import io.confab.application.usecase.GetConversationUseCase;
import io.confab.application.usecase.ListConversationsUseCase;
import io.confab.application.usecase.UpdateConversationUseCase;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ListedConversation;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.MessageRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Creates, reads, lists, changes and deletes a user's conversations, always scoped by owner;
 * every change is announced to the owner's sockets on the event bus.
 */
public final class ConversationService implements CreateConversationUseCase, GetConversationUseCase,
        ListConversationsUseCase, UpdateConversationUseCase, DeleteConversationUseCase {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final EventBus bus;
    private final Clock clock;
    private final IdGenerator ids;
    /** The models a conversation may choose: the configured one and CONFAB_MODELS. */
    private final Set<String> allowedModels;

    public ConversationService(ConversationRepository conversations, MessageRepository messages, EventBus bus,
                               Clock clock, IdGenerator ids, Set<String> allowedModels) {
        this.conversations = conversations;
        this.messages = messages;
        this.bus = bus;
        this.clock = clock;
        this.ids = ids;
        this.allowedModels = Set.copyOf(allowedModels);
    }

    @Override
    public Creation create(UserId owner, NewConversation request) {
        Conversation conversation = Conversation.start(new ConversationId(ids.next()), owner, request.title(),
                request.metadata(), request.externalId(), clock.instant());
        Conversation stored = conversations.insert(conversation);
        if (!stored.id().equals(conversation.id())) {
            return new Creation.Existing(stored);
        }
        bus.publish(owner, new ConversationEvent.Created(stored, stored.createdAt()));
        return new Creation.Created(stored);
    }

    @Override
    public Optional<Conversation> get(UserId owner, ConversationId id) {
        return conversations.find(owner, id);
    }

    @Override
    public Page<ListedConversation> list(UserId owner, ConversationQuery query) {
        return conversations.listWithLastMessages(owner, query, messages);
    }

    @Override
    public Optional<Conversation> update(UserId owner, ConversationId id, ConversationChanges changes) {
        Instant now = clock.instant();
        Optional<Conversation> updated = conversations.find(owner, id)
                .map(current -> changes.title().map(title -> current.withTitle(title, now)).orElse(current))
                .map(current -> changes.status().map(status -> current.withStatus(status, now)).orElse(current))
                .map(current -> changes.metadata().map(metadata -> current.withMetadata(metadata, now)).orElse(current))
                .map(current -> changes.settings(current.settings()).map(this::allowed)
                        .map(settings -> current.withSettings(settings, now)).orElse(current))
                .flatMap(conversations::update);
        updated.ifPresent(conversation -> bus.publish(owner, new ConversationEvent.Updated(conversation, now)));
        return updated;
    }

    private ConversationSettings allowed(ConversationSettings settings) {
        settings.model().filter(model -> !allowedModels.contains(model)).ifPresent(model -> {
            throw new ValidationException("model", "must be one of " + allowedModels.stream().sorted().toList());
        });
        return settings;
    }

    @Override
    public boolean delete(UserId owner, ConversationId id) {
        Instant now = clock.instant();
        Optional<Conversation> deleted = conversations.find(owner, id)
                .filter(conversation -> conversations.delete(owner, id, now));
        deleted.ifPresent(conversation -> bus.publish(owner, new ConversationEvent.Deleted(conversation, now)));
        return deleted.isPresent();
    }
}
