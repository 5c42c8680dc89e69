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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One SSE response for the events of a turn (SPEC §5). The turn's thread only queues events
 * ({@link #onEvent} never blocks); the request's own thread writes them as its {@link TurnFrames}
 * say (Confab's own by default), with a {@code : ping} comment every heartbeat, until the terminal
 * event. A client that goes away ends the response, never the turn.
 *
 * <p>The writer waits without a timeout: a timed wait per event put a timer on the virtual-thread
 * scheduler for every chunk (its timer thread woke for each, 6 % of the CPU of streamed turns);
 * instead one shared timer queues the ping of every open stream.
 */
final class SseStream implements TurnListener {

    static final String CONTENT_TYPE = "text/event-stream";
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final BlockingQueue<Next> queue = new LinkedBlockingQueue<>();
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
            queue.add(new Next.Event(event));
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
        long period = heartbeat.toMillis();
        ScheduledFuture<?> pings = Heartbeats.TIMER.scheduleAtFixedRate(() -> queue.add(Next.Ping.DUE),
                period, period, TimeUnit.MILLISECONDS);
        try {
            OutputStream out = response.getOutputStream();
            if (queue.isEmpty()) {
                out.flush(); // the headers now; with events already queued they leave with those, in one write
            }
            writeUntilTerminal(out);
        } catch (IOException clientGone) {
            // the client disconnected: the turn goes on and is stored
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pings.cancel(false);
            open = false;
            queue.clear();
            metrics.streamClosed();
        }
    }

    private void writeUntilTerminal(OutputStream out) throws IOException, InterruptedException {
        List<Next> batch = new ArrayList<>();
        while (true) {
            batch.add(queue.take());
            queue.drainTo(batch);
            for (Next next : batch) {
                switch (next) {
                    case Next.Ping ping -> out.write(PING);
                    case Next.Event(TurnEvent event) -> {
                        out.write(frames.frames(event));
                        if (event.isTerminal()) {
                            out.write(frames.end());
                            out.flush();
                            return;
                        }
                    }
                }
            }
            batch.clear();
            out.flush();
        }
    }

    /** What the writer takes next: an event of the turn, or a heartbeat's ping. */
    private sealed interface Next {

        record Event(TurnEvent event) implements Next {
        }

        enum Ping implements Next { DUE }
    }

    /** The one timer thread that queues every open stream's pings, started with the first stream. */
    private static final class Heartbeats {

        static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                    Thread.ofPlatform().daemon().name("confab-sse-heartbeat").factory());
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }
}
