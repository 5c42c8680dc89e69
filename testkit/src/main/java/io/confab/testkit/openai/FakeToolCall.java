package io.confab.testkit.openai;

import java.util.Objects;

/**
 * A tool call the fake server streams: {@code arguments} is the JSON text the model "writes"; a
 * {@code null} id is replaced by a fresh {@code call_…} id in each reply.
 */
public record FakeToolCall(String id, String name, String arguments) {

    public FakeToolCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** A call with an id chosen by the server. */
    public static FakeToolCall of(String name, String arguments) {
        return new FakeToolCall(null, name, arguments);
    }
}
