package io.confab.persistence;

import io.confab.domain.Conversation;
import io.confab.domain.ExternalId;
import io.confab.domain.Message;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.StoreUnavailableException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Sorts database errors: an unreachable or lost database becomes {@link StoreUnavailableException}. */
final class SqlFailures {

    /**
     * SQL states of a database that is gone: connection exceptions (08xxx), PostgreSQL shutting down
     * or refusing connections, H2 broken or closed connections.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "90067", "90098", "90121");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_CAUSES = 16;

    private SqlFailures() {
    }

    /** Runs one store operation, turning a lost database into the domain's typed error. */
    static <T> T guard(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StoreUnavailableException || !isUnavailable(e)) {
            return e;
        }
        return new StoreUnavailableException("database unavailable: " + innermostMessage(e), e);
    }

    /**
     * Runs an append; when it loses a race with a concurrent request carrying the same
     * client_message_id (the unique key rejects it), answers with the message that won.
     */
    static AppendResult appendOrDuplicate(Message message, Supplier<AppendResult> append,
                                          Function<String, Optional<Message>> existing) {
        return writeOrDuplicate(message, append, existing, AppendResult.Duplicate::new);
    }

    /**
     * Runs a write of {@code message}; when the unique key rejects its client_message_id, answers
     * {@code duplicate} of the message that has it.
     */
    static <T> T writeOrDuplicate(Message message, Supplier<T> write, Function<String, Optional<Message>> existing,
                                  Function<Message, T> duplicate) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (message.clientMessageId().isEmpty() || !isUniqueViolation(e)) {
                throw e;
            }
            return existing.apply(message.clientMessageId().get())
                    .map(duplicate)
                    .orElseThrow(() -> e);
        }
    }

    /**
     * Runs an insert of a conversation; when its owner already has one with its external id, or
     * the insert loses a race with a concurrent one carrying it (the unique key rejects it),
     * answers the conversation that has it.
     */
    static Conversation insertUnlessNamed(Conversation conversation, Runnable insert,
                                          Function<ExternalId, Optional<Conversation>> named) {
        Optional<Conversation> existing = conversation.externalId().flatMap(named);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            insert.run();
            return conversation;
        } catch (RuntimeException e) {
            if (conversation.externalId().isEmpty() || !isUniqueViolation(e)) {
                throw e;
            }
            return conversation.externalId().flatMap(named).orElseThrow(() -> e);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        return causes(e).stream()
                .anyMatch(t -> t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }

    private static boolean isUnavailable(Throwable e) {
        return causes(e).stream().anyMatch(t -> t instanceof SQLTransientException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException
                || t instanceof SocketException
                || t instanceof SQLException sql && isUnavailableState(sql.getSQLState()));
    }

    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** The exception and its causes, outermost first (bounded, in case of a cycle). */
    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = e; t != null && causes.size() < MAX_CAUSES; t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }

    private static String innermostMessage(Throwable e) {
        List<Throwable> causes = causes(e);
        return String.valueOf(causes.get(causes.size() - 1).getMessage());
    }
}
