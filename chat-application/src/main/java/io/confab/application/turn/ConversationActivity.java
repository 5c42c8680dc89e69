package io.confab.application.turn;

import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.UserId;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.port.ChatModel;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.EventBus;
import java.time.Clock;
import java.util.Optional;

/**
 * What a turn changes about its conversation once the reply is stored: a title after the first
 * completed exchange when none is set (the model's suggestion, else the user's first words), and a
 * {@code conversation_updated} notification to the owner (new activity, counters, maybe the title).
 */
final class ConversationActivity {

    private static final System.Logger LOG = System.getLogger(ConversationActivity.class.getName());

    private final ConversationRepository conversations;
    private final ChatModel model;
    private final EventBus eventBus;
    private final Clock clock;

    ConversationActivity(ConversationRepository conversations, ChatModel model, EventBus eventBus, Clock clock) {
        this.conversations = conversations;
        this.model = model;
        this.eventBus = eventBus;
        this.clock = clock;
    }

    /**
     * {@code afterReply} is the conversation as storing the reply left it; when the reply was not
     * stored (the store failed, or the conversation is gone) the conversation is read instead.
     */
    void afterTurn(UserId owner, TurnOutcome.Finished outcome, Optional<Conversation> afterReply) {
        try {
            afterReply.or(() -> conversations.find(owner, outcome.userMessage().conversationId()))
                    .map(conversation -> named(conversation, outcome))
                    .ifPresent(conversation -> eventBus.publish(owner,
                            new ConversationEvent.Updated(conversation, clock.instant())));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not update the conversation after a turn", e);
        }
    }

    private Conversation named(Conversation conversation, TurnOutcome.Finished outcome) {
        if (conversation.hasTitle() || !(outcome instanceof TurnOutcome.Completed)) {
            return conversation;
        }
        String title = suggested(outcome).flatMap(Titles::fromSuggestion)
                .orElseGet(() -> Titles.from(outcome.userMessage().content()));
        return conversations.update(conversation.withTitle(title, conversation.updatedAt()))
                .orElse(conversation);
    }

    private Optional<String> suggested(TurnOutcome.Finished outcome) {
        try {
            return model.title(outcome.userMessage().content(), outcome.assistantMessage().content())
                    .filter(title -> !title.isBlank());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "model title failed; using the first words", e);
            return Optional.empty();
        }
    }
}
