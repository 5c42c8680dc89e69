package io.confab.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import java.util.Optional;

/** A frame from the client (SPEC §7), parsed and checked; {@code requestId} is echoed as given. */
sealed interface ClientRequest {

    Optional<JsonNode> requestId();

    /** Starts a turn; without a conversation, a new one is created first. */
    record SendMessage(Optional<JsonNode> requestId, Optional<ConversationId> conversation, String content,
                       Optional<String> clientMessageId) implements ClientRequest {
    }

    record CreateConversation(Optional<JsonNode> requestId, String title) implements ClientRequest {
    }

    /** Follows a conversation's events; with {@code resume}, first replays what the client missed. */
    record Subscribe(Optional<JsonNode> requestId, ConversationId conversation, Optional<Resume> resume)
            implements ClientRequest {
    }

    record Unsubscribe(Optional<JsonNode> requestId, ConversationId conversation) implements ClientRequest {
    }

    /** Follows every conversation of the socket's user ({@code "scope":"user"}), or stops ({@code subscribe} false). */
    record UserScope(Optional<JsonNode> requestId, boolean subscribe) implements ClientRequest {
    }

    /** Writes the reply of the conversation's latest exchange again; {@code message} names its user message or a reply. */
    record Regenerate(Optional<JsonNode> requestId, ConversationId conversation, MessageId message)
            implements ClientRequest {
    }

    /** Replaces the text of the conversation's latest user message and writes the reply to it. */
    record EditMessage(Optional<JsonNode> requestId, ConversationId conversation, MessageId message, String content)
            implements ClientRequest {
    }

    record Cancel(Optional<JsonNode> requestId, ConversationId conversation) implements ClientRequest {
    }

    record Typing(Optional<JsonNode> requestId, ConversationId conversation, boolean isTyping)
            implements ClientRequest {
    }

    record Ping(Optional<JsonNode> requestId) implements ClientRequest {
    }

    /** Where a resumed stream starts. */
    sealed interface Resume {
        /** After an exact event ({@code last_event_id} = {@code <turn>:<seq>}). */
        record After(TurnPosition position) implements Resume {
        }

        /** After {@code seq} of the conversation's latest turn ({@code last_seq}). */
        record AfterSeqOfLatestTurn(long seq) implements Resume {
        }
    }
}
