package io.confab.rest;

import io.confab.domain.event.TurnEvent;
import java.util.Map;

/**
 * How the events of a turn are written on an SSE response: Confab's own events (SPEC §5), or the
 * frames of another client's protocol. Each stream has its own instance (it may keep state), used
 * by one thread.
 */
public interface TurnFrames {

    /** Response headers beside the SSE ones. */
    Map<String, String> headers();

    /** The frames of one event, in order; empty for an event the protocol has no frame for. */
    byte[] frames(TurnEvent event);

    /** What follows the frames of the terminal event. */
    byte[] end();
}
