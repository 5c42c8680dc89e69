package io.confab.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.TurnEvent;
import io.confab.json.EventJson;
import io.confab.json.EventJsonReader;

/**
 * Events as Redis carries them: the SPEC §6 wire form plus the stored fields clients never see
 * (a message's {@code client_message_id} and {@code in_reply_to}, a conversation's
 * {@code deleted_at}), so an event read back equals the one written.
 */
final class RedisEventCodec {

    private RedisEventCodec() {
    }

    static String encode(ChatEvent event) {
        ObjectNode node = EventJson.toNode(event);
        switch (event) {
            case TurnEvent.MessageCreated created -> addStoredFields((ObjectNode) node.get("message"), created.message());
            case TurnEvent.Completed completed -> addStoredFields((ObjectNode) node.get("message"), completed.message());
            case TurnEvent.Cancelled cancelled -> addStoredFields((ObjectNode) node.get("message"), cancelled.message());
            case ConversationEvent notification ->
                    addStoredFields((ObjectNode) node.get("conversation"), notification.conversation());
            default -> {
                // the wire form is complete for the other events
            }
        }
        return node.toString();
    }

    static ChatEvent decode(String json, UserId owner) {
        return EventJsonReader.read(json, owner);
    }

    static TurnEvent decodeTurnEvent(String json) {
        return EventJsonReader.readTurnEvent(json);
    }

    private static void addStoredFields(ObjectNode node, Message message) {
        message.clientMessageId().ifPresent(id -> node.put("client_message_id", id));
        message.inReplyTo().ifPresent(id -> node.put("in_reply_to", id.toString()));
    }

    private static void addStoredFields(ObjectNode node, Conversation conversation) {
        conversation.deletedAt().ifPresent(at -> node.put("deleted_at", at.toString()));
    }
}
