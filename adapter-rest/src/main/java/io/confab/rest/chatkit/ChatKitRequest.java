package io.confab.rest.chatkit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * The requests of ChatKit's custom-backend protocol this server answers, read from
 * {@code {"type","params"}} (the reference server's {@code chatkit/types.py}); a type not listed
 * here is refused before any of them is built.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChatKitRequest.ThreadsCreate.class, name = "threads.create"),
        @JsonSubTypes.Type(value = ChatKitRequest.ThreadsAddUserMessage.class, name = "threads.add_user_message"),
        @JsonSubTypes.Type(value = ChatKitRequest.ThreadsRetryAfterItem.class, name = "threads.retry_after_item"),
        @JsonSubTypes.Type(value = ChatKitRequest.ThreadsGetById.class, name = "threads.get_by_id"),
        @JsonSubTypes.Type(value = ChatKitRequest.ThreadsList.class, name = "threads.list"),
        @JsonSubTypes.Type(value = ChatKitRequest.ThreadsUpdate.class, name = "threads.update"),
        @JsonSubTypes.Type(value = ChatKitRequest.ThreadsDelete.class, name = "threads.delete"),
        @JsonSubTypes.Type(value = ChatKitRequest.ItemsList.class, name = "items.list"),
        @JsonSubTypes.Type(value = ChatKitRequest.ItemsFeedback.class, name = "items.feedback")})
sealed interface ChatKitRequest {

    record ThreadsCreate(InputParams params) implements ChatKitRequest {
        public ThreadsCreate {
            required(params, "params");
        }
    }

    record ThreadsAddUserMessage(InputParams params) implements ChatKitRequest {
        public ThreadsAddUserMessage {
            required(params, "params");
            required(params.threadId(), "thread_id");
        }
    }

    record ThreadsRetryAfterItem(ItemParams params) implements ChatKitRequest {
        public ThreadsRetryAfterItem {
            required(params, "params");
        }
    }

    record ThreadsGetById(ThreadParams params) implements ChatKitRequest {
        public ThreadsGetById {
            required(params, "params");
        }
    }

    record ThreadsList(ListParams params) implements ChatKitRequest {
        public ThreadsList {
            params = params == null ? new ListParams(null, null, null, null) : params;
        }
    }

    record ThreadsUpdate(TitleParams params) implements ChatKitRequest {
        public ThreadsUpdate {
            required(params, "params");
        }
    }

    record ThreadsDelete(ThreadParams params) implements ChatKitRequest {
        public ThreadsDelete {
            required(params, "params");
        }
    }

    record ItemsList(ListParams params) implements ChatKitRequest {
        public ItemsList {
            required(params, "params");
            required(params.threadId(), "thread_id");
        }
    }

    record ItemsFeedback(FeedbackParams params) implements ChatKitRequest {
        public ItemsFeedback {
            required(params, "params");
        }
    }

    /** A user message (its text parts are the message) and, except for threads.create, its thread. */
    record InputParams(String threadId, UserInput input) {
        public InputParams {
            required(input, "input");
        }
    }

    /** ChatKit's UserMessageInput; attachments are not supported, other fields are ignored. */
    record UserInput(List<InputContent> content, List<String> attachments) {
        public UserInput {
            required(content, "content");
            if (attachments != null && !attachments.isEmpty()) {
                throw new IllegalArgumentException("attachments are not supported by this server");
            }
        }

        /** The text of the input_text and input_tag parts, in order. */
        String text() {
            StringBuilder text = new StringBuilder();
            content.stream().filter(Objects::nonNull).map(InputContent::text).filter(Objects::nonNull)
                    .forEach(text::append);
            return text.toString();
        }
    }

    /** One part of a user message; only its text is kept. */
    record InputContent(String type, String text) {
    }

    record ThreadParams(String threadId) {
        public ThreadParams {
            required(threadId, "thread_id");
        }
    }

    record ItemParams(String threadId, String itemId) {
        public ItemParams {
            required(threadId, "thread_id");
            required(itemId, "item_id");
        }
    }

    record TitleParams(String threadId, String title) {
        public TitleParams {
            required(threadId, "thread_id");
            required(title, "title");
        }
    }

    /** A page request: {@code after} is the cursor a previous page gave, {@code order} asc|desc. */
    record ListParams(String threadId, Integer limit, String order, String after) {
        public ListParams {
            if (order != null && !order.equals("asc") && !order.equals("desc")) {
                throw new IllegalArgumentException("order must be asc or desc");
            }
        }

        boolean ascending() {
            return "asc".equals(order);
        }
    }

    record FeedbackParams(String threadId, List<String> itemIds, String kind) {
        public FeedbackParams {
            required(threadId, "thread_id");
            required(itemIds, "item_ids");
            if (!"positive".equals(kind) && !"negative".equals(kind)) {
                throw new IllegalArgumentException("kind must be positive or negative");
            }
        }
    }

    private static void required(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
