package io.confab.application;

import io.confab.application.memory.InMemoryConversationRepository;
import io.confab.application.memory.InMemoryEventBus;
import io.confab.application.memory.InMemoryEventLog;
import io.confab.application.memory.InMemoryMessageRepository;
import io.confab.application.memory.InMemoryRateLimiter;
import io.confab.application.memory.InMemoryTaskRepository;
import io.confab.application.memory.InMemoryTurnLeases;
import io.confab.application.tools.TaskTools;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.port.ChatModel;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RateLimiter;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCallAudit;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.port.TurnLeases;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles Confab for a host (SPEC §19): a {@link ChatModel} is required; every port not given is
 * in memory (conversations and messages come as a pair: one store answers for both), the tools are
 * the built-in task tools over the task store, and time and ids come from the system clock.
 */
public final class ConfabBuilder {

    private ChatModel model;
    private ConfabSettings settings = ConfabSettings.defaults();
    private TurnContext context = TurnContext.NONE;
    private Clock clock = Clock.systemUTC();
    private Optional<ConversationRepository> conversations = Optional.empty();
    private Optional<MessageRepository> messages = Optional.empty();
    private Optional<TaskRepository> tasks = Optional.empty();
    private Optional<ToolCatalog> tools = Optional.empty();
    private Optional<EventBus> eventBus = Optional.empty();
    private Optional<EventLog> eventLog = Optional.empty();
    private Optional<TurnLeases> leases = Optional.empty();
    private Optional<RateLimiter> rateLimiter = Optional.empty();
    private Optional<IdGenerator> ids = Optional.empty();
    private Optional<ToolCallAudit> toolCalls = Optional.empty();

    ConfabBuilder() {
    }

    public ConfabBuilder model(ChatModel value) {
        this.model = Objects.requireNonNull(value, "model");
        return this;
    }

    public ConfabBuilder settings(ConfabSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** Carries each starting request's context (a logging MDC, say) onto its turn's thread. */
    public ConfabBuilder turnContext(TurnContext value) {
        this.context = Objects.requireNonNull(value, "turnContext");
        return this;
    }

    public ConfabBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The host's conversation and message stores, which must share one store (appends move a conversation's counters). */
    public ConfabBuilder conversationsAndMessages(ConversationRepository conversationStore, MessageRepository messageStore) {
        this.conversations = Optional.of(conversationStore);
        this.messages = Optional.of(messageStore);
        return this;
    }

    /** Every store port from one storage adapter: conversations, messages, tasks, turn leases and the tool-call audit. */
    public ConfabBuilder stores(Stores value) {
        conversationsAndMessages(value.conversations(), value.messages());
        tasks(value.tasks());
        toolCallAudit(value.toolCalls());
        return leases(value.leases());
    }

    public ConfabBuilder tasks(TaskRepository value) {
        this.tasks = Optional.of(value);
        return this;
    }

    /** The tool catalogue the model may call; the built-in task tools over the task store when not given. */
    public ConfabBuilder tools(ToolCatalog value) {
        this.tools = Optional.of(value);
        return this;
    }

    /**
     * Where every tool call is recorded (SPEC §17); without one they are only logged. In memory:
     * {@code new InMemoryToolCallAudit(JsonValues::write)} (chat-json).
     */
    public ConfabBuilder toolCallAudit(ToolCallAudit value) {
        this.toolCalls = Optional.of(value);
        return this;
    }

    public ConfabBuilder eventBus(EventBus value) {
        this.eventBus = Optional.of(value);
        return this;
    }

    public ConfabBuilder eventLog(EventLog value) {
        this.eventLog = Optional.of(value);
        return this;
    }

    public ConfabBuilder leases(TurnLeases value) {
        this.leases = Optional.of(value);
        return this;
    }

    public ConfabBuilder rateLimiter(RateLimiter value) {
        this.rateLimiter = Optional.of(value);
        return this;
    }

    public ConfabBuilder ids(IdGenerator value) {
        this.ids = Optional.of(value);
        return this;
    }

    /** Confab over the given ports and in-memory ones for the rest; its turn threads run until {@link Confab#close()}. */
    public Confab build() {
        return Confab.create(ports(), settings, context);
    }

    /** The ports {@link #build()} uses: the given ones and in-memory ones for the rest (for hosts that share them). */
    public ConfabPorts ports() {
        if (model == null) {
            throw new IllegalStateException("a ChatModel is required: call model(...)");
        }
        InMemoryConversationRepository memory = new InMemoryConversationRepository();
        TaskRepository taskStore = tasks.orElseGet(InMemoryTaskRepository::new);
        return new ConfabPorts(
                conversations.orElse(memory),
                messages.orElseGet(() -> new InMemoryMessageRepository(memory)),
                taskStore,
                model,
                tools.orElseGet(() -> new TaskTools(taskStore, clock)),
                eventBus.orElseGet(InMemoryEventBus::new),
                eventLog.orElseGet(() -> new InMemoryEventLog(clock)),
                leases.orElseGet(InMemoryTurnLeases::new),
                rateLimiter.orElseGet(() -> InMemoryRateLimiter.perMinute(Confab.DEFAULT_TURNS_PER_MINUTE, clock)),
                clock,
                ids.orElseGet(() -> new TimeOrderedIdGenerator(clock)),
                toolCalls);
    }
}
