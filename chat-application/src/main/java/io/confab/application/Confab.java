package io.confab.application;

import io.confab.application.memory.InMemoryRateLimiter;
import io.confab.application.service.ConversationService;
import io.confab.application.service.ListMessagesService;
import io.confab.application.service.ListTasksService;
import io.confab.application.service.OneShotChatService;
import io.confab.application.turn.TurnServices;
import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.DeleteConversationUseCase;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.GetConversationUseCase;
import io.confab.application.usecase.ListConversationsUseCase;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.ListTasksUseCase;
import io.confab.application.usecase.OneShotChatUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.UpdateConversationUseCase;
import io.confab.domain.port.ChatModel;
import java.time.Clock;
import java.time.Duration;

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
    private final ConversationService conversations;
    private final ListMessagesService listMessages;
    private final ListTasksService listTasks;
    private final OneShotChatService oneShotChat;

    private Confab(ConfabPorts ports, ConfabSettings settings, TurnContext context) {
        this.ports = ports;
        this.turns = new TurnServices(ports, settings, context);
        this.conversations = new ConversationService(ports.conversations(), ports.messages(), ports.eventBus(), ports.clock(), ports.ids());
        this.listMessages = new ListMessagesService(ports.messages());
        this.listTasks = new ListTasksService(ports.tasks());
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

    public SendMessageUseCase sendMessage() {
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

    /** How many turns run on this instance now (for metrics and readiness). */
    public int runningTurns() {
        return turns.runningCount();
    }

    /**
     * Stops accepting turns, lets running ones finish for up to {@code grace}, then cancels the
     * rest (stored as interrupted). Returns true when every turn ended.
     */
    public boolean shutdown(Duration grace) {
        return turns.shutdown(grace);
    }

    @Override
    public void close() {
        shutdown(DEFAULT_SHUTDOWN_GRACE);
    }
}
