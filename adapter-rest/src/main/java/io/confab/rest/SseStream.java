package io.confab.rest;

import io.confab.application.usecase.TurnListener;
import io.confab.domain.event.TurnEvent;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One SSE response for the events of a turn (SPEC §5). The turn's thread only queues events
 * ({@link #onEvent} never blocks); the request's own thread writes them as its {@link TurnFrames}
 * say (Confab's own by default), with a {@code : ping} comment when idle, until the terminal event.
 * A client that goes away ends the response, never the turn.
 */
final class SseStream implements TurnListener {

    static final String CONTENT_TYPE = "text/event-stream";
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final BlockingQueue<TurnEvent> queue = new LinkedBlockingQueue<>();
    private final TurnFrames frames;
    private volatile boolean open = true;

    SseStream() {
        this(new ConfabFrames());
    }

    SseStream(TurnFrames frames) {
        this.frames = frames;
    }

    /** Whether the request asks for the turn as SSE ({@code Accept: text/event-stream}). */
    static boolean accepted(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains(CONTENT_TYPE);
    }

    @Override
    public void onEvent(TurnEvent event) {
        if (open) {
            queue.add(event);
        }
    }

    /** Writes the stream on the calling (request) thread; returns when it ended or the client left. */
    void pump(Context ctx, Duration heartbeat, HttpMetrics metrics) {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        frames.headers().forEach(response::setHeader);
        metrics.streamOpened();
        try {
            OutputStream out = response.getOutputStream();
            out.flush();
            writeUntilTerminal(out, heartbeat);
        } catch (IOException clientGone) {
            // the client disconnected: the turn goes on and is stored
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open = false;
            queue.clear();
            metrics.streamClosed();
        }
    }

    private void writeUntilTerminal(OutputStream out, Duration heartbeat) throws IOException, InterruptedException {
        List<TurnEvent> batch = new ArrayList<>();
        while (true) {
            TurnEvent first = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                out.write(PING);
                out.flush();
                continue;
            }
            batch.add(first);
            queue.drainTo(batch);
            for (TurnEvent event : batch) {
                out.write(frames.frames(event));
                if (event.isTerminal()) {
                    out.write(frames.end());
                    out.flush();
                    return;
                }
            }
            batch.clear();
            out.flush();
        }
    }
}
