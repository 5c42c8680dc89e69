package io.confab.benchmarks.persistence;

import io.confab.application.Stores;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.IdGenerator;
import io.confab.persistence.JooqStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A turn's writes as the agent makes them: the user message (with a client_message_id), then the
 * assistant message with one tool call, usage and counters; {@code writers} threads, each on a
 * conversation of its own, for a fixed time after a warm-up.
 */
final class TurnWrites {

    private static final Duration WARMUP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    /** Turns per second over the measured window, and each turn's time. */
    record Result(int writers, double turnsPerSecond, Latencies latencies) {
    }

    private TurnWrites() {
    }

    static Result run(BenchDatabase database, int writers) throws Exception {
        IdGenerator ids = new TimeOrderedIdGenerator();
        try (Stores stores = JooqStores.open(database.settings());
             ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            long measureFrom = System.nanoTime() + WARMUP.toNanos();
            long measureUntil = measureFrom + MEASURE.toNanos();
            List<Future<Latencies>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                UserId owner = new UserId("writer-" + i);
                results.add(pool.submit(() -> write(stores, ids, owner, measureFrom, measureUntil)));
            }
            Latencies all = new Latencies();
            for (Future<Latencies> result : results) {
                all.addAll(result.get());
            }
            return new Result(writers, all.count() / (MEASURE.toNanos() / 1e9), all);
        }
    }

    private static Latencies write(Stores stores, IdGenerator ids, UserId owner, long measureFrom, long measureUntil) {
        Conversation conversation = Conversation.start(new ConversationId(ids.next()), owner, "turns", Instant.now());
        stores.conversations().insert(conversation);
        Latencies latencies = new Latencies();
        long now;
        while ((now = System.nanoTime()) < measureUntil) {
            turn(stores, ids, owner, conversation);
            if (now >= measureFrom) {
                latencies.record(System.nanoTime() - now);
            }
        }
        return latencies;
    }

    private static void turn(Stores stores, IdGenerator ids, UserId owner, Conversation conversation) {
        MessageId questionId = new MessageId(ids.next());
        Message question = Message.fromUser(questionId, conversation.id(), "add a task to buy milk",
                Optional.of(questionId.toString()), Instant.now());
        stores.messages().append(owner, question);
        ToolCall call = new ToolCall("call_" + questionId, "add_task", JsonValue.object("title", JsonValue.of("buy milk")),
                JsonValue.object("id", JsonValue.of(1), "title", JsonValue.of("buy milk")), ToolCallStatus.OK,
                Duration.ofMillis(2));
        stores.messages().append(owner, Message.fromAssistant(new MessageId(ids.next()), conversation.id(), questionId,
                "I added task 1, buy milk.", MessageStatus.COMPLETE, List.of(call), "offline",
                new TokenUsage(120, 14), Instant.now()));
    }
}
