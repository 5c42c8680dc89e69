package io.confab.rest.chatkit;

import io.confab.application.usecase.TurnListener;
import io.confab.domain.Conversation;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.TurnEvent;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One ChatKit SSE response for one turn. The turn's thread only queues its events (and the
 * owner's conversation notifications); the request's thread writes them as ChatKit frames, with
 * {@code : ping} comments when idle. Unlike Confab's own streams, a ChatKit stream owns its turn
 * ({@code allow_cancel}): a client that goes away before the end cancels it. After a first reply
 * the stream waits (briefly) for the title the turn gives the conversation, to send
 * {@code thread.updated}.
 */
final class ChatKitStream implements TurnListener {

    static final String CONTENT_TYPE = "text/event-stream";
    /** How long a finished first turn waits for its title (a model may be asked for one). */
    static final Duration TITLE_WAIT = Duration.ofSeconds(10);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final Conversation before;
    private final TurnFrames frames;
    private final BlockingQueue<ChatEvent> queue = new LinkedBlockingQueue<>();
    private volatile boolean open = true;
    /** Set once the terminal event is written: from then on the turn is over and nothing is cancelled. */
    private boolean ended;

    /** {@code before}: the conversation as the turn found it. */
    ChatKitStream(Conversation before, boolean announceUserMessage) {
        this.before = before;
        this.frames = new TurnFrames(announceUserMessage);
    }

    @Override
    public void onEvent(TurnEvent event) {
        if (open) {
            queue.add(event);
        }
    }

    /** The owner's conversation notifications: the one for this thread after the turn carries its title. */
    void onNotification(ChatEvent event) {
        if (open && event instanceof ConversationEvent.Updated updated && updated.conversationId().equals(before.id())) {
            queue.add(updated);
        }
    }

    /** Writes {@code first}, then the turn; returns once it ended, or the client left before (then {@code cancel} runs). */
    void pump(Context ctx, List<Events.Event> first, Duration heartbeat, Runnable cancel) {
        try {
            OutputStream out = start(ctx);
            for (Events.Event event : first) {
                out.write(ChatKitJson.frame(event));
            }
            out.flush();
            writeTurn(out, heartbeat);
        } catch (IOException clientGone) {
            if (!ended) {
                cancel.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open = false;
            queue.clear();
        }
    }

    /** A stream that only says why no turn runs: {@code first}, then the error. */
    static void refuse(Context ctx, List<Events.Event> first, Events.Error error) {
        try {
            OutputStream out = start(ctx);
            for (Events.Event event : first) {
                out.write(ChatKitJson.frame(event));
            }
            out.write(ChatKitJson.frame(error));
            out.flush();
        } catch (IOException clientGone) {
            // nothing runs: nothing to stop
        }
    }

    private static OutputStream start(Context ctx) throws IOException {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return response.getOutputStream();
    }

    private void writeTurn(OutputStream out, Duration heartbeat) throws IOException, InterruptedException {
        Optional<ConversationEvent.Updated> titled = Optional.empty();
        boolean awaitTitle = false;
        long titleDeadline = 0;
        while (true) {
            long wait = ended ? Math.min(heartbeat.toNanos(), Math.max(0, titleDeadline - System.nanoTime()))
                    : heartbeat.toNanos();
            ChatEvent next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next instanceof ConversationEvent.Updated updated) {
                titled = Optional.of(updated);
            } else if (next instanceof TurnEvent event) {
                for (Events.Event frame : frames.on(event)) {
                    out.write(ChatKitJson.frame(frame));
                }
                if (event.isTerminal()) {
                    ended = true;
                    titled = Optional.empty(); // only a notification after the turn carries its title
                    awaitTitle = mayBeRetitled(event);
                    titleDeadline = System.nanoTime() + TITLE_WAIT.toNanos();
                }
            } else if (!ended) {
                out.write(PING);
            }
            if (ended && (titled.isPresent() || !awaitTitle || System.nanoTime() >= titleDeadline)) {
                Optional<Events.Event> retitled = titled.flatMap(updated -> TurnFrames.retitled(before.title(),
                        updated.conversation()));
                if (retitled.isPresent()) {
                    out.write(ChatKitJson.frame(retitled.get()));
                }
                out.flush();
                return;
            }
            out.flush();
        }
    }

    /** Only a completed turn in a conversation without a title gets one (SPEC §3). */
    private boolean mayBeRetitled(TurnEvent terminal) {
        return terminal instanceof TurnEvent.Completed && !before.hasTitle();
    }
}
