package io.confab.rest.chatkit;

import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.UpdateConversationUseCase.ConversationChanges;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.Feedback;
import io.confab.domain.ListedConversation;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.rest.RestUseCases;
import io.confab.rest.chatkit.ChatKitRequest.ListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requests ChatKit answers with one JSON document: threads and items read, renamed, deleted,
 * rated. Paging always walks from the newest to the oldest (the cursor {@code after} is the
 * offset of the next threads, or the oldest message of the page); {@code order} orders each page.
 */
final class ThreadRequests {

    static final int DEFAULT_PAGE = 20;
    private static final Map<String, String> EMPTY = Map.of();

    private final RestUseCases useCases;

    ThreadRequests(RestUseCases useCases) {
        this.useCases = useCases;
    }

    /** The thread with its newest page of items, oldest first. */
    Wire.Thread get(UserId user, ChatKitRequest.ThreadsGetById request) {
        Conversation conversation = conversation(user, request.params().threadId());
        return Threads.thread(conversation, items(user, conversation.id(), new ListParams(null, null, "asc", null)));
    }

    Wire.Page<Wire.Thread> list(UserId user, ChatKitRequest.ThreadsList request) {
        ListParams params = request.params();
        int offset = params.after() == null ? 0 : offset(params.after());
        int limit = limit(params, ConversationQuery.MAX_LIMIT);
        Page<ListedConversation> page = useCases.listConversations()
                .list(user, new ConversationQuery(offset, limit, Optional.empty(), Optional.empty()));
        List<Wire.Thread> threads = new ArrayList<>(page.items().stream()
                .map(listed -> Threads.thread(listed.conversation(), Wire.Page.empty())).toList());
        boolean more = offset + threads.size() < page.total();
        return new Wire.Page<>(params.ascending() ? threads.reversed() : threads, more,
                more ? Integer.toString(offset + threads.size()) : null);
    }

    Wire.Page<Wire.Item> items(UserId user, ChatKitRequest.ItemsList request) {
        return items(user, conversation(user, request.params().threadId()).id(), request.params());
    }

    Wire.Thread update(UserId user, ChatKitRequest.ThreadsUpdate request) {
        ConversationId id = conversationId(request.params().threadId());
        return useCases.updateConversation().update(user, id, ConversationChanges.rename(request.params().title()))
                .map(conversation -> Threads.thread(conversation, Wire.Page.empty()))
                .orElseThrow(() -> notFound(request.params().threadId()));
    }

    Map<String, String> delete(UserId user, ChatKitRequest.ThreadsDelete request) {
        if (!useCases.deleteConversation().delete(user, conversationId(request.params().threadId()))) {
            throw notFound(request.params().threadId());
        }
        return EMPTY;
    }

    /** Every item named must be a message (or a reply's tool calls) of the thread; each gets the rating. */
    Map<String, String> feedback(UserId user, ChatKitRequest.ItemsFeedback request) {
        ConversationId thread = conversation(user, request.params().threadId()).id();
        Feedback feedback = new Feedback("positive".equals(request.params().kind()) ? Feedback.Rating.UP
                : Feedback.Rating.DOWN, Optional.empty());
        for (String item : request.params().itemIds()) {
            MessageId message = Threads.messageOf(item == null ? "" : item)
                    .orElseThrow(() -> ChatKitRequestException.notFound("No item " + item + " in this thread."));
            if (!useCases.giveFeedback().give(user, thread, message, feedback)) {
                throw ChatKitRequestException.notFound("No item " + item + " in this thread.");
            }
        }
        return EMPTY;
    }

    private Wire.Page<Wire.Item> items(UserId user, ConversationId thread, ListParams params) {
        Optional<MessageId> before = Optional.ofNullable(params.after()).map(after -> Threads.messageOf(after)
                .orElseThrow(() -> ChatKitRequestException.badRequest(ErrorCode.BAD_PARAMETER, "after must be an item id.")));
        MessagePage page = useCases.listMessages()
                .list(user, thread, before, limit(params, ListMessagesUseCase.MAX_LIMIT))
                .orElseThrow(() -> notFound(thread.toString()));
        List<Wire.Item> items = Threads.items(page.items());
        String after = page.hasMore() ? page.items().getFirst().id().toString() : null;
        return new Wire.Page<>(params.ascending() ? items : items.reversed(), page.hasMore(), after);
    }

    /** The user's live conversation, else a 404 (whatever the reason: missing, deleted, someone else's). */
    Conversation conversation(UserId user, String threadId) {
        return useCases.getConversation().get(user, conversationId(threadId)).orElseThrow(() -> notFound(threadId));
    }

    static ConversationId conversationId(String threadId) {
        return Threads.conversationOf(threadId).orElseThrow(() -> notFound(threadId));
    }

    static ChatKitRequestException notFound(String threadId) {
        return ChatKitRequestException.notFound("No thread " + threadId + ".");
    }

    private static int limit(ListParams params, int max) {
        return params.limit() == null ? DEFAULT_PAGE : Math.clamp(params.limit(), 1, max);
    }

    private static int offset(String after) {
        try {
            return Math.max(0, Integer.parseInt(after));
        } catch (NumberFormatException e) {
            throw ChatKitRequestException.badRequest(ErrorCode.BAD_PARAMETER, "after must be a cursor this server gave.");
        }
    }
}
