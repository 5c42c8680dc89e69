package io.confab.rest.chatkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * ChatKit's wire shapes that this server writes — threads, pages, thread items and their content —
 * as the reference server's {@code chatkit/types.py} has them; written snake_case, null fields
 * left out. Each variant names its own {@code type}.
 */
final class Wire {

    private Wire() {
    }

    /** A page of threads or items: {@code after} is the cursor of the next page, when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page<T>(List<T> data, boolean hasMore, String after) {
        static <T> Page<T> empty() {
            return new Page<>(List.of(), false, null);
        }
    }

    /** A thread (a conversation); {@code title} is left out while the conversation has none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Thread(String id, String title, String createdAt, Status status, Map<String, String> metadata,
                  Page<Item> items) {
    }

    /** {@code active}, or {@code closed} with the conversation's status as the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Status(String type, String reason) {
    }

    /** A thread item: a message, or the tool calls of a reply. */
    @JsonPropertyOrder({"type", "id", "thread_id", "created_at"})
    sealed interface Item {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserMessage(String id, String threadId, String createdAt, List<InputText> content,
                       List<Object> attachments, Map<String, Object> inferenceOptions) implements Item {
        @JsonProperty("type")
        String type() {
            return "user_message";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AssistantMessage(String id, String threadId, String createdAt, List<OutputText> content) implements Item {
        @JsonProperty("type")
        String type() {
            return "assistant_message";
        }
    }

    /** The tool calls of one reply, shown as a workflow of one task per call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WorkflowItem(String id, String threadId, String createdAt, Workflow workflow) implements Item {
        @JsonProperty("type")
        String type() {
            return "workflow";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Workflow(String type, List<Task> tasks, DurationSummary summary, boolean expanded) {
    }

    /** {@code duration} in whole seconds. */
    record DurationSummary(long duration) {
    }

    /** A {@code custom} task: one tool call, its outcome in the title and its result as content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Task(String type, String title, String icon, String content, String statusIndicator) {
    }

    record InputText(String text) {
        @JsonProperty("type")
        String type() {
            return "input_text";
        }
    }

    record OutputText(String text, List<Object> annotations) {
        OutputText(String text) {
            this(text, List.of());
        }

        @JsonProperty("type")
        String type() {
            return "output_text";
        }
    }
}
