package io.confab.rest.chatkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** ChatKit's thread stream events and item updates this server sends, one SSE {@code data:} frame each. */
final class Events {

    private Events() {
    }

    @JsonPropertyOrder({"type"})
    sealed interface Event {
    }

    record ThreadCreated(Wire.Thread thread) implements Event {
        @JsonProperty("type")
        String type() {
            return "thread.created";
        }
    }

    record ThreadUpdated(Wire.Thread thread) implements Event {
        @JsonProperty("type")
        String type() {
            return "thread.updated";
        }
    }

    record ItemAdded(Wire.Item item) implements Event {
        @JsonProperty("type")
        String type() {
            return "thread.item.added";
        }
    }

    record ItemUpdated(String itemId, Update update) implements Event {
        @JsonProperty("type")
        String type() {
            return "thread.item.updated";
        }
    }

    record ItemDone(Wire.Item item) implements Event {
        @JsonProperty("type")
        String type() {
            return "thread.item.done";
        }
    }

    record StreamOptions(Options streamOptions) implements Event {
        @JsonProperty("type")
        String type() {
            return "stream_options";
        }
    }

    record Options(boolean allowCancel) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressUpdate(String icon, String text) implements Event {
        @JsonProperty("type")
        String type() {
            return "progress_update";
        }
    }

    /** A failure shown in the chat; {@code code} {@code custom} makes ChatKit show {@code message}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String code, String message, boolean allowRetry) implements Event {
        @JsonProperty("type")
        String type() {
            return "error";
        }

        static Error custom(String message) {
            return new Error("custom", message, true);
        }
    }

    /** An update of an assistant message's content part ({@code content_index} 0: one part per reply). */
    @JsonPropertyOrder({"type"})
    sealed interface Update {
    }

    record PartAdded(int contentIndex, Wire.OutputText content) implements Update {
        @JsonProperty("type")
        String type() {
            return "assistant_message.content_part.added";
        }
    }

    record TextDelta(int contentIndex, String delta) implements Update {
        @JsonProperty("type")
        String type() {
            return "assistant_message.content_part.text_delta";
        }
    }

    record PartDone(int contentIndex, Wire.OutputText content) implements Update {
        @JsonProperty("type")
        String type() {
            return "assistant_message.content_part.done";
        }
    }
}
