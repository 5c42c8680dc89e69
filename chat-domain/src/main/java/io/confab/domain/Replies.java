package io.confab.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation's history as people and the model read it: a user message answered more than
 * once (its reply regenerated, retried, or run again after a lost turn) shows only its newest
 * reply; the older ones are earlier versions of that reply.
 */
public final class Replies {

    private Replies() {
    }

    /** {@code messages} (oldest first) without the replies a later reply to the same user message supersedes. */
    public static List<Message> current(List<Message> messages) {
        Set<MessageId> answered = new HashSet<>();
        List<Message> kept = new ArrayList<>(messages.size());
        for (Message message : messages.reversed()) {
            Optional<MessageId> question = message.role() == Role.ASSISTANT ? message.inReplyTo() : Optional.empty();
            if (question.isEmpty() || answered.add(question.get())) {
                kept.add(message);
            }
        }
        return kept.reversed();
    }
}
