package io.confab.rest;

import io.confab.domain.event.TurnEvent;
import io.confab.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Confab's own SSE frames (SPEC §5): {@code id: <turn>:<seq>} and {@code data: <event JSON>}. */
final class ConfabFrames implements TurnFrames {

    @Override
    public Map<String, String> headers() {
        return Map.of();
    }

    @Override
    public byte[] frames(TurnEvent event) {
        return ("id: " + eventId(event) + "\ndata: " + EventJson.write(event) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] end() {
        return new byte[0];
    }

    private static String eventId(TurnEvent event) {
        return event.turnId() + ":" + event.seq();
    }
}
