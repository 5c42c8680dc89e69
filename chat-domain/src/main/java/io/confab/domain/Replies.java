package io.confab.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation's history as people and the model read it: a user message answered more than
 * once (its reply regenerated, retried, or run again after a lost turn) shows only its newest
 * reply; the older ones are earlier versions of that reply. A user message edited (a newer user
 * message names it, see {@link Message#editOf}) shows only in its newest text, with that text's
 * replies; the older text and its replies are earlier versions.
 */
public final class Replies {

    private Replies() {
    }

    /** {@code messages} (oldest first) without the replies and texts later ones in the list supersede. */
    public static List<Message> current(List<Message> messages) {
        Set<MessageId> answered = new HashSet<>();
        Set<MessageId> edited = new HashSet<>();
        List<Message> kept = new ArrayList<>(messages.size());
        for (Message message : messages.reversed()) {
            if (message.isEdit()) {
                edited.add(message.inReplyTo().orElseThrow());
            }
            if (message.role() == Role.USER ? !edited.contains(message.id()) : isCurrentReply(message, answered, edited)) {
                kept.add(message);
            }
        }
        return kept.reversed();
    }

    private static boolean isCurrentReply(Message reply, Set<MessageId> answered, Set<MessageId> edited) {
        Optional<MessageId> question = reply.inReplyTo();
        return question.isEmpty() || !edited.contains(question.get()) && answered.add(question.get());
    }
}
