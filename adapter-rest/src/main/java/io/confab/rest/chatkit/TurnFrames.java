package io.confab.rest.chatkit;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.event.TurnEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates one turn's events into ChatKit stream events, in the reference server's order:
 * {@code thread.item.done} (the user message, unless the turn answers a stored one again),
 * {@code stream_options}, a {@code progress_update} per running tool, {@code thread.item.added}
 * (the reply, empty), {@code thread.item.updated} (content part added, a text delta per chunk,
 * content part done), {@code thread.item.done} (the stored reply); a failure is an {@code error}
 * that allows a retry. Finished tool calls are not streamed: the thread's items show them
 * ({@link Threads}).
 */
final class TurnFrames {

    private static final int PART = 0;
    private static final String TOOL_ICON = "bolt";

    private final boolean announceUserMessage;
    private boolean replyStarted;

    TurnFrames(boolean announceUserMessage) {
        this.announceUserMessage = announceUserMessage;
    }

    List<Events.Event> on(TurnEvent event) {
        List<Events.Event> frames = new ArrayList<>(2);
        switch (event) {
            case TurnEvent.MessageCreated created -> {
                if (announceUserMessage) {
                    frames.add(new Events.ItemDone(Threads.userMessage(created.message())));
                }
                frames.add(new Events.StreamOptions(new Events.Options(true)));
            }
            case TurnEvent.ToolStarting starting -> frames.add(new Events.ProgressUpdate(TOOL_ICON, starting.message()));
            case TurnEvent.ToolProgress progress -> frames.add(new Events.ProgressUpdate(TOOL_ICON, progress.message()));
            case TurnEvent.Chunk chunk -> {
                startReply(frames, chunk.messageId(), chunk.conversationId(), chunk.ts().toString());
                frames.add(new Events.ItemUpdated(chunk.messageId().toString(), new Events.TextDelta(PART, chunk.content())));
            }
            case TurnEvent.Completed completed -> finishReply(frames, completed.message());
            case TurnEvent.Cancelled cancelled -> finishReply(frames, cancelled.message());
            case TurnEvent.Failed failed -> frames.add(Events.Error.custom(failed.message()));
            case TurnEvent.AgentThinking ignored -> { }
            case TurnEvent.ToolComplete ignored -> { }
            case TurnEvent.ToolFailed ignored -> { }
            case TurnEvent.MetadataReady ignored -> { }
        }
        return frames;
    }

    /** {@code thread.updated} when the turn gave the conversation a new title. */
    static Optional<Events.Event> retitled(String titleBefore, Conversation after) {
        return after.title().equals(titleBefore) ? Optional.empty()
                : Optional.of(new Events.ThreadUpdated(Threads.thread(after, Wire.Page.empty())));
    }

    private void startReply(List<Events.Event> frames, MessageId reply, ConversationId thread, String createdAt) {
        if (!replyStarted) {
            replyStarted = true;
            frames.add(new Events.ItemAdded(Threads.emptyReply(reply, thread, createdAt)));
            frames.add(new Events.ItemUpdated(reply.toString(), new Events.PartAdded(PART, new Wire.OutputText(""))));
        }
    }

    private void finishReply(List<Events.Event> frames, Message reply) {
        startReply(frames, reply.id(), reply.conversationId(), reply.createdAt().toString());
        frames.add(new Events.ItemUpdated(reply.id().toString(),
                new Events.PartDone(PART, new Wire.OutputText(reply.content()))));
        frames.add(new Events.ItemDone(Threads.assistantMessage(reply)));
    }
}
