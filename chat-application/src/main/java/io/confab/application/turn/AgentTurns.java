package io.confab.application.turn;

import io.confab.application.ConfabSettings;
import io.confab.application.tools.ToolCallRecorder;
import io.confab.domain.ConversationSettings;
import io.confab.domain.Message;
import io.confab.domain.port.ChatModel;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.ToolCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Makes the {@link AgentTurn} of each started turn, holding what every one of them uses: the
 * message store, the model and the tools (audited when a recorder is given), where turn events go,
 * and the settings.
 */
final class AgentTurns {

    final MessageRepository messages;
    final ChatModel model;
    final ToolCatalog tools;
    final Optional<ToolCallRecorder> recorder;
    final Clock clock;
    final ConfabSettings settings;
    final TurnLeasing leasing;
    final ConversationActivity activity;
    private final EventLog eventLog;
    private final EventBus eventBus;

    AgentTurns(MessageRepository messages, ChatModel model, ToolCatalog tools, Optional<ToolCallRecorder> recorder,
               EventLog eventLog, EventBus eventBus, Clock clock, ConfabSettings settings, TurnLeasing leasing, ConversationActivity activity) {
        this.messages = messages;
        this.model = model;
        this.tools = tools;
        this.recorder = recorder;
        this.eventLog = eventLog;
        this.eventBus = eventBus;
        this.clock = clock;
        this.settings = settings;
        this.leasing = leasing;
        this.activity = activity;
    }

    /**
     * The turn for a stored user message in a conversation with these settings, its
     * {@code message_created} already emitted; run it on the turn's thread.
     */
    AgentTurn start(RunningTurn turn, Message userMessage, List<Message> earlier, ConversationSettings conversation) {
        TurnEmitter events = new TurnEmitter(turn, clock, eventLog, eventBus);
        events.messageCreated(userMessage);
        return new AgentTurn(this, turn, events, userMessage, earlier, conversation);
    }
}
