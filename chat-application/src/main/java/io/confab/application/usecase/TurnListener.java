package io.confab.application.usecase;

import io.confab.domain.event.TurnEvent;

/**
 * Receives the events of one turn in order, ending with the terminal one. Called on the turn's
 * thread: it must hand the event off quickly (queue it) and not block. A listener that throws is
 * detached; the turn goes on.
 */
@FunctionalInterface
public interface TurnListener {

    void onEvent(TurnEvent event);
}
