package io.confab.application.service;

import io.confab.domain.ConversationSettings;
import io.confab.application.usecase.ImportConversationUseCase;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.FieldError;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.Role;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.MessageRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an import, gives the conversation and every message a new id (an assistant message
 * answers the user message before it), and stores it all in one {@link MessageRepository#insertAll}.
 */
public final class ImportService implements ImportConversationUseCase {

    private final MessageRepository messages;
    private final EventBus bus;
    private final Clock clock;
    private final IdGenerator ids;

    public ImportService(MessageRepository messages, EventBus bus, Clock clock, IdGenerator ids) {
        this.messages = messages;
        this.bus = bus;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Conversation importConversation(UserId owner, Command command) {
        check(command);
        Conversation conversation = new Conversation(new ConversationId(ids.next()), owner, command.title(),
                command.status(), command.metadata(), Optional.empty(), ConversationSettings.DEFAULTS, command.createdAt(), command.updatedAt(), Optional.empty(), 0, 0);
        List<Message> stored = new ArrayList<>();
        Optional<MessageId> lastQuestion = Optional.empty();
        for (ImportedMessage message : command.messages()) {
            MessageId id = new MessageId(ids.next());
            stored.add(new Message(id, conversation.id(), message.role(), message.content(), message.status(),
                    message.toolCalls(), message.model(), message.usage(), message.metadata(), Optional.empty(),
                    message.role() == Role.ASSISTANT ? lastQuestion : Optional.empty(), message.createdAt(),
                    message.feedback()));
            if (message.role() == Role.USER) {
                lastQuestion = Optional.of(id);
            }
        }
        Conversation imported = messages.insertAll(conversation, stored);
        bus.publish(owner, new ConversationEvent.Created(imported, clock.instant()));
        return imported;
    }

    /** Every broken rule at once: message count, content, order of times. */
    private static void check(Command command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.messages().size() > MAX_MESSAGES) {
            errors.add(new FieldError("messages", "must be at most " + MAX_MESSAGES + " messages"));
        }
        for (int i = 0; i < command.messages().size(); i++) {
            ImportedMessage message = command.messages().get(i);
            String field = "messages[" + i + "].";
            int max = message.role() == Role.USER ? Message.MAX_USER_CONTENT : MAX_ASSISTANT_CONTENT;
            if (message.role() == Role.USER && message.content().isBlank()) {
                errors.add(new FieldError(field + "content", "must not be empty"));
            } else if (message.content().length() > max) {
                errors.add(new FieldError(field + "content", "must be at most " + max + " characters"));
            } else if (message.content().indexOf('\0') >= 0) {
                errors.add(new FieldError(field + "content", "must not contain the NUL character (U+0000)"));
            }
            if (i > 0 && message.createdAt().isBefore(command.messages().get(i - 1).createdAt())) {
                errors.add(new FieldError(field + "created_at", "must not be before the previous message's"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
