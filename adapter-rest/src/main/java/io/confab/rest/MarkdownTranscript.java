package io.confab.rest;

import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.ToolCall;
import io.confab.json.JsonValues;
import java.io.IOException;

/**
 * The Markdown export of one conversation, for reading: the title as a heading, then each
 * message under a heading with its role and time (and model and status where they say
 * something), its text as written, and its tool calls as a list.
 */
final class MarkdownTranscript {

    private MarkdownTranscript() {
    }

    /** The transcript of a conversation of {@code count} messages, written to {@code out} a message at a time. */
    static void write(Appendable out, Conversation conversation, int count, Iterable<Message> messages) throws IOException {
        out.append("# ").append(conversation.hasTitle() ? oneLine(conversation.title()) : "Untitled conversation").append("\n\n");
        out.append("_Conversation ").append(conversation.id().toString()).append(", started ")
                .append(conversation.createdAt().toString()).append(", ").append(Integer.toString(count))
                .append(count == 1 ? " message" : " messages").append("._\n");
        for (Message message : messages) {
            StringBuilder text = new StringBuilder();
            message(text, message);
            out.append(text);
        }
    }

    private static void message(StringBuilder text, Message message) {
        text.append("\n## ").append(message.role() == Role.USER ? "User" : "Assistant").append(" · ").append(message.createdAt());
        message.model().ifPresent(model -> text.append(" · ").append(oneLine(model)));
        if (message.status() != MessageStatus.COMPLETE) {
            text.append(" · ").append(message.status().wireName());
        }
        text.append("\n\n").append(message.content().strip()).append('\n');
        if (!message.toolCalls().isEmpty()) {
            text.append("\nTool calls:\n\n");
            message.toolCalls().forEach(call -> toolCall(text, call));
        }
        message.feedback().ifPresent(feedback -> text.append("\nFeedback: ").append(feedback.rating().wireName())
                .append(feedback.comment().map(comment -> " (" + oneLine(comment) + ")").orElse("")).append('\n'));
    }

    private static void toolCall(StringBuilder text, ToolCall call) {
        text.append("- ").append(code(call.tool())).append(' ').append(call.status().wireName())
                .append(" in ").append(call.duration().toMillis()).append(" ms: ")
                .append(code(JsonValues.write(call.arguments()))).append(" → ").append(code(JsonValues.write(call.result())))
                .append('\n');
    }

    /** {@code value} as inline code, fenced with one backtick more than its longest run of them. */
    static String code(String value) {
        String flat = oneLine(value);
        int longest = 0;
        int run = 0;
        for (char c : flat.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }

    private static String oneLine(String value) {
        return value.replaceAll("\\s+", " ").strip();
    }
}
