package io.confab.domain.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalogue: every {@link ChatEvent} type with its wire name, in one place. The JSON
 * reader switches over these constants (so a new one does not compile until it is read), and a
 * test checks that every record of the sealed hierarchy has exactly one.
 */
public enum EventType {
    MESSAGE_CREATED("message_created", TurnEvent.MessageCreated.class),
    AGENT_THINKING("agent_thinking", TurnEvent.AgentThinking.class),
    CHUNK("chunk", TurnEvent.Chunk.class),
    TOOL_STARTING("tool_starting", TurnEvent.ToolStarting.class),
    TOOL_PROGRESS("tool_progress", TurnEvent.ToolProgress.class),
    TOOL_COMPLETE("tool_complete", TurnEvent.ToolComplete.class),
    TOOL_ERROR("tool_error", TurnEvent.ToolFailed.class),
    METADATA("metadata", TurnEvent.MetadataReady.class),
    COMPLETE("complete", TurnEvent.Completed.class),
    CANCELLED("cancelled", TurnEvent.Cancelled.class),
    ERROR("error", TurnEvent.Failed.class),
    CONVERSATION_CREATED("conversation_created", ConversationEvent.Created.class),
    CONVERSATION_UPDATED("conversation_updated", ConversationEvent.Updated.class),
    CONVERSATION_DELETED("conversation_deleted", ConversationEvent.Deleted.class),
    TYPING("typing", TypingChanged.class),
    TURN_CANCEL_REQUESTED("turn_cancel_requested", TurnCancelRequested.class);

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Class<? extends ChatEvent> eventClass;

    EventType(String wireName, Class<? extends ChatEvent> eventClass) {
        this.wireName = wireName;
        this.eventClass = eventClass;
    }

    /** The {@code type} of the event on the wire (SSE, WebSocket, the event log). */
    public String wireName() {
        return wireName;
    }

    /** The record this type names. */
    public Class<? extends ChatEvent> eventClass() {
        return eventClass;
    }

    /** The type named {@code wireName} on the wire; empty for a name the catalogue does not have. */
    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
