package io.confab.rest.aisdk;

import io.confab.domain.ErrorCode;
import io.confab.domain.ExternalId;
import io.confab.domain.Message;
import io.confab.rest.RouteSupport;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The body {@code useChat}'s {@code DefaultChatTransport} posts: the chat's id, its messages as
 * the browser holds them, and what to do ({@code trigger}); its other members (the
 * {@code messageId} a regenerate concerns, a caller's extra body) are not read. Only the last user
 * message is: the history lives in Confab's store.
 */
record ChatRequest(String id, List<UiMessage> messages, String trigger) {

    static final String SUBMIT = "submit-message";
    static final String REGENERATE = "regenerate-message";

    /** One UIMessage; its parts other than text (files, tool parts, reasoning) are not read. */
    record UiMessage(String id, String role, List<UiPart> parts) {
    }

    /** One part of a UIMessage; {@code text} is set on {@code "type":"text"} parts. */
    record UiPart(String type, String text) {
    }

    /**
     * What to run: the text of the last user message in the conversation the chat id names. A
     * submit is keyed by that message's id (a retried request follows or replays its first turn);
     * a regenerate writes the reply to the conversation's latest stored user message again.
     */
    record ChatTurn(ExternalId chat, String text, Optional<String> clientMessageId, boolean regenerate) {
    }

    /** @throws RuntimeException a 400 problem for a body that is not such a request, 422 for invalid text or id */
    ChatTurn turn() {
        if (id == null || id.isBlank()) {
            throw RouteSupport.badRequest(ErrorCode.INVALID_REQUEST, "The chat id is missing.");
        }
        boolean regenerate = REGENERATE.equals(trigger);
        if (trigger != null && !regenerate && !SUBMIT.equals(trigger)) {
            throw RouteSupport.badRequest(ErrorCode.INVALID_REQUEST, "Unknown trigger; use submit-message or regenerate-message.");
        }
        UiMessage last = lastUserMessage();
        String text = Message.checkUserContent(textOf(last));
        Optional<String> key = regenerate ? Optional.empty()
                : Optional.ofNullable(last.id()).filter(messageId -> !messageId.isBlank());
        return new ChatTurn(new ExternalId(id), text, key, regenerate);
    }

    private UiMessage lastUserMessage() {
        List<UiMessage> all = messages == null ? List.of() : messages;
        for (int i = all.size() - 1; i >= 0; i--) {
            UiMessage message = all.get(i);
            if (message != null && "user".equals(message.role())) {
                return message;
            }
        }
        throw RouteSupport.badRequest(ErrorCode.INVALID_REQUEST, "The messages hold no user message.");
    }

    private static String textOf(UiMessage message) {
        List<UiPart> parts = message.parts() == null ? List.of() : message.parts();
        List<String> texts = parts.stream()
                .filter(part -> part != null && "text".equals(part.type()) && part.text() != null)
                .map(UiPart::text)
                .toList();
        if (texts.isEmpty()) {
            throw RouteSupport.badRequest(ErrorCode.INVALID_REQUEST, "The last user message has no text part.");
        }
        return texts.stream().collect(Collectors.joining("\n"));
    }
}
