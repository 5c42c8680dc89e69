package io.confab.application.turn;

import io.confab.application.usecase.TurnFailure;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Ends the turns whose instance died (SPEC §12): takes over the lease it stopped renewing, stores
 * the reply as {@code failed} with code {@code instance_lost} (with the text the event log still
 * holds), and sends the terminal event to the log and the bus, so every follower's stream ends.
 * The user message stays; the same message may then be sent again.
 */
final class LostTurns {

    private static final System.Logger LOG = System.getLogger(LostTurns.class.getName());
    private static final int BATCH = 100;
    static final String DETAIL = "The server answering this message stopped before the reply was finished. "
            + "Send the message again.";

    private final MessageRepository messages;
    private final TurnLeases leases;
    private final EventLog eventLog;
    private final EventBus eventBus;
    private final Clock clock;

    LostTurns(MessageRepository messages, TurnLeases leases, EventLog eventLog, EventBus eventBus, Clock clock) {
        this.messages = messages;
        this.leases = leases;
        this.eventLog = eventLog;
        this.eventBus = eventBus;
        this.clock = clock;
    }

    /** Ends every turn whose lease expired; returns how many this instance ended. */
    int recoverExpired() {
        int recovered = 0;
        List<TurnLease> expired;
        do {
            expired = leases.expired(clock.instant(), BATCH);
            for (TurnLease lease : expired) {
                recovered += recover(lease) ? 1 : 0;
            }
        } while (expired.size() == BATCH);
        return recovered;
    }

    /** Ends the turns an earlier run of this instance (same name) left: none of them can still run. */
    int recoverHeldBy(String instance) {
        int recovered = 0;
        for (TurnLease lease : leases.heldBy(instance)) {
            recovered += recover(lease) ? 1 : 0;
        }
        return recovered;
    }

    /** Takes over the lease and ends its turn; false when another instance (or a renewal) came first. */
    boolean recover(TurnLease lease) {
        if (!leases.takeOver(lease)) {
            return false;
        }
        List<TurnEvent> kept = logged(lease);
        if (!kept.isEmpty() && kept.getLast().isTerminal()) {
            return true; // the turn ended; only its lease outlived it
        }
        Message reply = messages.find(lease.owner(), lease.conversation(), new MessageId(lease.turn().value()))
                .orElseGet(() -> storeFailed(lease, kept));
        TurnEvent last = StoredTurns.terminalEvent(reply, kept.isEmpty() ? 2 : kept.getLast().seq() + 1);
        publish(lease, last);
        LOG.log(System.Logger.Level.WARNING, "turn " + lease.turn() + " of conversation " + lease.conversation()
                + " lost with instance " + lease.instance() + "; ended as "
                + (last instanceof TurnEvent.Failed failed ? failed.code() : last.type()));
        return true;
    }

    private Message storeFailed(TurnLease lease, List<TurnEvent> kept) {
        MessageId id = new MessageId(lease.turn().value());
        Message failed = new Message(id, lease.conversation(), Role.ASSISTANT, streamedText(kept, id),
                MessageStatus.FAILED, List.of(), Optional.empty(), TokenUsage.NONE,
                StoredTurns.failureMetadata(TurnFailure.INSTANCE_LOST, DETAIL), Optional.empty(),
                Optional.of(lease.userMessage()), clock.instant(), Optional.empty());
        messages.append(lease.owner(), failed);
        return failed;
    }

    /** What the turn streamed before it was lost, as far as the event log still has it. */
    private static String streamedText(List<TurnEvent> kept, MessageId reply) {
        StringBuilder text = new StringBuilder();
        for (TurnEvent event : kept) {
            if (event instanceof TurnEvent.Chunk chunk && chunk.messageId().equals(reply)) {
                text.append(chunk.content());
            }
        }
        return text.toString();
    }

    private List<TurnEvent> logged(TurnLease lease) {
        try {
            return eventLog.readAfter(lease.turn(), 0);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event log unavailable while ending lost turn " + lease.turn()
                    + "; its partial reply is not kept: " + e.getMessage());
            return List.of();
        }
    }

    private void publish(TurnLease lease, TurnEvent last) {
        try {
            eventLog.append(last);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event log unavailable; lost turn " + lease.turn()
                    + " ends only in the store: " + e.getMessage());
        }
        try {
            eventBus.publish(lease.owner(), last);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event bus unavailable; followers of lost turn " + lease.turn()
                    + " learn of its end on their next read: " + e.getMessage());
        }
    }
}
