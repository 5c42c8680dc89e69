package io.confab.domain.port;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the events of recent turns for a while (bounded, with a time to live) so a stream can be
 * resumed after {@code Last-Event-ID}, from any instance.
 */
public interface EventLog {

    void append(TurnEvent event);

    /** The turn's events with seq greater than {@code afterSeq}, in order. */
    List<TurnEvent> readAfter(TurnId turn, long afterSeq);

    /** The conversation's most recently started turn, while it is kept. */
    Optional<TurnId> latestTurn(ConversationId conversation);
}
