package io.confab.rest.aisdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.confab.domain.ConversationId;
import io.confab.domain.event.TurnEvent;
import io.confab.json.JacksonMappers;
import io.confab.json.JsonValues;
import io.confab.rest.TurnFrames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A turn as the AI SDK's UI message stream (protocol v1): {@code start}, then per model call
 * {@code start-step}, text in {@code text-start}/{@code -delta}/{@code -end}, tool calls as
 * {@code tool-input-available} and {@code tool-output-available} (or {@code -error}),
 * {@code finish-step}; then {@code finish} (or {@code abort}, or {@code error}) and
 * {@code [DONE]}. Keeps which step and text part are open; one per response.
 */
final class UiMessageStream implements TurnFrames {

    static final String PROTOCOL_HEADER = "x-vercel-ai-ui-message-stream";
    private static final ObjectWriter CHUNKS = JacksonMappers.create()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .writerFor(UiChunk.class);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private final ConversationId conversation;
    private boolean stepOpen;
    private Optional<String> openText = Optional.empty();
    private int textParts;

    UiMessageStream(ConversationId conversation) {
        this.conversation = conversation;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of(PROTOCOL_HEADER, "v1");
    }

    @Override
    public byte[] frames(TurnEvent event) {
        return write(chunks(event));
    }

    @Override
    public byte[] end() {
        return DONE.clone();
    }

    List<UiChunk> chunks(TurnEvent event) {
        List<UiChunk> chunks = new ArrayList<>();
        switch (event) {
            case TurnEvent.MessageCreated created -> chunks.add(new UiChunk.Start(event.turnId().toString(),
                    Map.of("conversation_id", conversation.toString())));
            case TurnEvent.AgentThinking thinking -> {
                closeStep(chunks);
                stepOpen = true;
                chunks.add(new UiChunk.StartStep());
            }
            case TurnEvent.Chunk chunk -> {
                String id = openText.orElseGet(() -> openText(chunks, chunk));
                chunks.add(new UiChunk.TextDelta(id, chunk.content()));
            }
            case TurnEvent.ToolStarting starting -> {
                closeText(chunks);
                chunks.add(new UiChunk.ToolInputAvailable(starting.callId(), starting.tool(),
                        JsonValues.toNode(starting.parameters())));
            }
            case TurnEvent.ToolProgress progress -> {
                // the protocol has no chunk for a running tool's progress
            }
            case TurnEvent.MetadataReady metadata -> {
                // the reply's structured metadata is in the stored message, which the SDK reads on reload
            }
            case TurnEvent.ToolComplete complete -> chunks.add(new UiChunk.ToolOutputAvailable(complete.callId(),
                    JsonValues.toNode(complete.result())));
            case TurnEvent.ToolFailed failed -> chunks.add(new UiChunk.ToolOutputError(failed.callId(), failed.error()));
            case TurnEvent.Completed completed -> {
                closeStep(chunks);
                chunks.add(new UiChunk.Finish("stop"));
            }
            case TurnEvent.Cancelled cancelled -> {
                closeStep(chunks);
                chunks.add(new UiChunk.Abort());
            }
            case TurnEvent.Failed failed -> {
                closeStep(chunks);
                chunks.add(new UiChunk.Error(failed.message()));
            }
        }
        return chunks;
    }

    private String openText(List<UiChunk> chunks, TurnEvent.Chunk chunk) {
        String id = chunk.messageId() + "-text-" + textParts++;
        chunks.add(new UiChunk.TextStart(id));
        openText = Optional.of(id);
        return id;
    }

    private void closeText(List<UiChunk> chunks) {
        openText.ifPresent(id -> chunks.add(new UiChunk.TextEnd(id)));
        openText = Optional.empty();
    }

    private void closeStep(List<UiChunk> chunks) {
        closeText(chunks);
        if (stepOpen) {
            chunks.add(new UiChunk.FinishStep());
            stepOpen = false;
        }
    }

    private static byte[] write(List<UiChunk> chunks) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (UiChunk chunk : chunks) {
            try {
                frames.writeBytes(("data: " + CHUNKS.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a UI message chunk could not be written", e);
            }
        }
        return frames.toByteArray();
    }
}
