package io.confab.application.turn;

import io.confab.application.ConfabPorts;
import io.confab.application.ConfabSettings;
import io.confab.application.TurnContext;
import io.confab.application.tools.ToolCallRecorder;
import java.time.Duration;
import java.util.Optional;

/**
 * The turn use cases of one Confab instance, over one registry of running turns and this
 * instance's turn leases: starting, following and cancelling turns. It hands each service the
 * ports that service uses, and no other. Starting it begins the lease
 * chores ({@link TurnLeaseKeeper}); closing stops them.
 */
public final class TurnServices implements AutoCloseable {

    private final TurnRegistry registry;
    private final TurnLeaseKeeper keeper;
    private final FollowTurnService follow;
    private final SendMessageService send;
    private final CancelTurnService cancel;

    public TurnServices(ConfabPorts ports, ConfabSettings settings) {
        this(ports, settings, TurnContext.NONE);
    }

    public TurnServices(ConfabPorts ports, ConfabSettings settings, TurnContext context) {
        this.registry = new TurnRegistry(ports.eventBus(), context);
        TurnLeasing leasing = new TurnLeasing(ports.leases(), ports.turnJournal(), ports.clock(), settings.turnLease(),
                settings.instance());
        LostTurns lostTurns = new LostTurns(ports.messages(), ports.leases(), ports.eventLog(), ports.eventBus(),
                ports.clock());
        this.follow = new FollowTurnService(ports.conversations(), ports.messages(), ports.leases(), ports.eventLog(),
                ports.eventBus(), ports.clock(), registry, lostTurns);
        ConversationActivity activity = new ConversationActivity(ports.conversations(), ports.model(), ports.eventBus(),
                ports.clock());
        Optional<ToolCallRecorder> recorder = ports.toolCalls()
                .map(audit -> new ToolCallRecorder(audit, ports.clock(), ports.ids()));
        AgentTurns agentTurns = new AgentTurns(ports.messages(), ports.model(), ports.tools(), recorder, ports.eventLog(),
                ports.eventBus(), ports.clock(), settings, leasing, activity);
        this.send = new SendMessageService(ports.conversations(), ports.messages(), ports.rateLimiter(), ports.ids(),
                ports.clock(), ports.eventLog(), registry, leasing, lostTurns, follow, agentTurns);
        this.cancel = new CancelTurnService(ports.conversations(), ports.eventLog(), ports.eventBus(), ports.clock(),
                registry);
        this.keeper = new TurnLeaseKeeper(registry, leasing, lostTurns);
        keeper.start();
    }

    public SendMessageService sendMessage() {
        return send;
    }

    public FollowTurnService followTurn() {
        return follow;
    }

    public CancelTurnService cancelTurn() {
        return cancel;
    }

    /** How many turns run here now. */
    public int runningCount() {
        return registry.runningCount();
    }

    /** Ends the lease chores at once (the leases of turns still running then expire), for tests of crashes. */
    public void stopLeaseChores() {
        keeper.close();
    }

    /** Lets running turns end (see {@link TurnRegistry#shutdown}), then stops the lease chores. */
    public boolean shutdown(Duration grace) {
        try {
            return registry.shutdown(grace);
        } finally {
            keeper.close();
        }
    }

    @Override
    public void close() {
        keeper.close();
    }
}
