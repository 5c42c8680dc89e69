package io.confab.application;

import io.confab.application.memory.InMemoryRateLimiter;
import io.confab.application.retention.RetentionJob;
import io.confab.application.service.ConversationService;
import io.confab.application.service.EraseAccountService;
import io.confab.application.service.ExportService;
import io.confab.application.service.FeedbackService;
import io.confab.application.service.ImportService;
import io.confab.application.service.ListMessagesService;
import io.confab.application.service.ListTasksService;
import io.confab.application.service.ListToolCallsService;
import io.confab.application.service.OneShotChatService;
import io.confab.application.service.SearchService;
import io.confab.application.turn.TurnServices;
import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.DeleteConversationUseCase;
import io.confab.application.usecase.EraseAccountUseCase;
import io.confab.application.usecase.ExportConversationUseCase;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.GetConversationUseCase;
import io.confab.application.usecase.GiveFeedbackUseCase;
import io.confab.application.usecase.ImportConversationUseCase;
import io.confab.application.usecase.ListConversationsUseCase;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.ListTasksUseCase;
import io.confab.application.usecase.ListToolCallsUseCase;
import io.confab.application.usecase.OneShotChatUseCase;
import io.confab.application.usecase.RetryReplyUseCase;
import io.confab.application.usecase.SearchUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.UpdateConversationUseCase;
import io.confab.domain.port.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Confab as a library: wires every use case from the host's ports and settings. Adapters and
 * embedding applications talk to Confab only through the use cases this hands out.
 */
public final class Confab implements AutoCloseable {

    /** How long {@link #close()} lets running turns finish before cancelling them. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_TURNS_PER_MINUTE = 30;

    private final ConfabPorts ports;
    private final TurnServices turns;
    private final RetentionJob retention;
    private final ConversationService conversations;
    private final ListMessagesService listMessages;
    private final FeedbackService feedback;
    private final ListTasksService listTasks;
    private final ListToolCallsService listToolCalls;
    private final ExportService export;
    private final ImportService importing;
    private final EraseAccountService eraseAccount;
    private final SearchService search;
    private final OneShotChatService oneShotChat;

    private Confab(ConfabPorts ports, ConfabSettings settings, TurnContext context) {
        this.ports = ports;
        this.turns = new TurnServices(ports, settings, context);
        this.retention = new RetentionJob(ports.messages(), settings.retention(), ports.clock());
        retention.start();
        Set<String> models = new HashSet<>(settings.models());
        models.add(ports.model().name());
        this.conversations = new ConversationService(ports.conversations(), ports.messages(), ports.eventBus(), ports.clock(), ports.ids(),
                models);
        this.listMessages = new ListMessagesService(ports.messages());
        this.feedback = new FeedbackService(ports.messages());
        this.listTasks = new ListTasksService(ports.tasks());
        this.listToolCalls = new ListToolCallsService(ports.toolCalls());
        this.export = new ExportService(ports.conversations(), ports.messages());
        this.importing = new ImportService(ports.messages(), ports.eventBus(), ports.clock(), ports.ids());
        this.eraseAccount = new EraseAccountService(ports.messages(), ports.tasks(), ports.toolCalls());
        this.search = new SearchService(ports.messages());
        this.oneShotChat = new OneShotChatService(conversations, turns.sendMessage());
    }

    /** Confab over the host's adapters. */
    public static Confab create(ConfabPorts ports, ConfabSettings settings) {
        return new Confab(ports, settings, TurnContext.NONE);
    }

    /** Confab over the host's adapters, carrying each starting request's {@code context} onto its turn's thread. */
    public static Confab create(ConfabPorts ports, ConfabSettings settings, TurnContext context) {
        return new Confab(ports, settings, context);
    }

    /** Assembles Confab from any subset of ports (the rest in memory), a model and settings. */
    public static ConfabBuilder builder() {
        return new ConfabBuilder();
    }

    /** Confab entirely in memory (nothing survives a restart): for demos, tests and single-process use. */
    public static Confab inMemory(ChatModel model) {
        return builder().model(model).build();
    }

    /**
     * In-memory adapters for every port, the built-in task tools as the catalogue, UUIDv7 ids and
     * {@code turnsPerMinute} turns per user per minute, all timed by {@code clock}.
     */
    public static ConfabPorts inMemoryPorts(ChatModel model, Clock clock, int turnsPerMinute) {
        return builder().model(model).clock(clock).rateLimiter(InMemoryRateLimiter.perMinute(turnsPerMinute, clock)).ports();
    }

    public ConfabPorts ports() {
        return ports;
    }

    public CreateConversationUseCase createConversation() {
        return conversations;
    }

    public GetConversationUseCase getConversation() {
        return conversations;
    }

    public ListConversationsUseCase listConversations() {
        return conversations;
    }

    public UpdateConversationUseCase updateConversation() {
        return conversations;
    }

    public DeleteConversationUseCase deleteConversation() {
        return conversations;
    }

    public ListMessagesUseCase listMessages() {
        return listMessages;
    }

    public GiveFeedbackUseCase giveFeedback() {
        return feedback;
    }

    public ExportConversationUseCase exportConversation() {
        return export;
    }

    public ImportConversationUseCase importConversation() {
        return importing;
    }

    public EraseAccountUseCase eraseAccount() {
        return eraseAccount;
    }

    public SendMessageUseCase sendMessage() {
        return turns.sendMessage();
    }

    public RetryReplyUseCase retryReply() {
        return turns.sendMessage();
    }

    public CancelTurnUseCase cancelTurn() {
        return turns.cancelTurn();
    }

    public FollowTurnUseCase followTurn() {
        return turns.followTurn();
    }

    public OneShotChatUseCase oneShotChat() {
        return oneShotChat;
    }

    public ListTasksUseCase listTasks() {
        return listTasks;
    }

    public ListToolCallsUseCase listToolCalls() {
        return listToolCalls;
    }

    public SearchUseCase search() {
        return search;
    }

    /** How many turns run on this instance now (for metrics and readiness). */
    public int runningTurns() {
        return turns.runningCount();
    }

    /**
     * Stops accepting turns, lets running ones finish for up to {@code grace}, then cancels the
     * rest (stored as interrupted). Returns true when every turn ended.
     */
    public boolean shutdown(Duration grace) {
        retention.close();
        return turns.shutdown(grace);
    }

    /** Erases now what the retention no longer keeps (it also runs by itself every ten minutes); answers how many conversations. */
    public long purgeExpired() {
        return retention.purge();
    }

    @Override
    public void close() {
        shutdown(DEFAULT_SHUTDOWN_GRACE);
    }
}
