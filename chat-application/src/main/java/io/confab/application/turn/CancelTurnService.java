package io.confab.application.turn;

import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnCancelRequested;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.StoreUnavailableException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Cancels the running turn of a conversation: at once when it runs on this instance (the model
 * call is closed), else, when the event log shows the conversation's latest turn has not ended, by
 * asking the instance running it over the event bus ({@link TurnCancelRequested}).
 */
public final class CancelTurnService implements CancelTurnUseCase {

    private final ConversationRepository conversations;
    private final EventLog eventLog;
    private final EventBus eventBus;
    private final Clock clock;
    private final TurnRegistry registry;

    CancelTurnService(ConversationRepository conversations, EventLog eventLog, EventBus eventBus, Clock clock, TurnRegistry registry) {
        this.conversations = conversations;
        this.eventLog = eventLog;
        this.eventBus = eventBus;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public CancelOutcome cancel(UserId user, ConversationId conversation) {
        if (conversations.find(user, conversation).isEmpty()) {
            return CancelOutcome.NOT_FOUND;
        }
        if (registry.cancel(conversation)) {
            return CancelOutcome.CANCELLED;
        }
        Optional<TurnId> elsewhere = runningElsewhere(conversation);
        elsewhere.ifPresent(turn ->
                eventBus.publish(user, new TurnCancelRequested(conversation, turn, clock.instant())));
        return elsewhere.isPresent() ? CancelOutcome.CANCELLED : CancelOutcome.NO_RUNNING_TURN;
    }

    /** The conversation's latest turn when the log has it without a terminal event (an unreachable log: none). */
    private Optional<TurnId> runningElsewhere(ConversationId conversation) {
        try {
            return eventLog.latestTurn(conversation).filter(turn -> {
                List<TurnEvent> events = eventLog.readAfter(turn, 0);
                return !events.isEmpty() && !events.getLast().isTerminal();
            });
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
    }
}
