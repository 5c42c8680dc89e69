package io.confab.persistence;

import static io.confab.testkit.contract.Fixtures.T0;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.Stores;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.port.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retention purge run by two instances at the same moment (SPEC §16: "on every instance safely
 * at once"): two stores, each with its own connection pool, over one database, purging together.
 */
@ParameterizedClass
@EnumSource(value = Backend.class, names = {"JOOQ_H2", "JOOQ_POSTGRES", "JPA_H2", "JPA_POSTGRES"})
class ConcurrentPurgeTest {

    /** Enough for several batches of {@link JooqMessageRepository#ERASE_BATCH} on each instance. */
    private static final int DUE = 7 * JooqMessageRepository.ERASE_BATCH + 37;
    private static final int KEPT = 60;
    private static final int ROUNDS = 3;
    private static final RetentionPolicy POLICY = new RetentionPolicy(Optional.of(Duration.ofDays(30)), Duration.ofDays(30));

    @Parameter
    Backend backend;

    private TestDatabase database;
    private Stores first;
    private Stores second;

    @BeforeEach
    void openTwoInstances() {
        database = backend.freshDatabase();
        first = backend.open(database.settings());
        second = backend.open(database.settings());
    }

    @AfterEach
    void closeInstances() {
        second.close();
        first.close();
        database.close();
    }

    @Test
    void twoInstancesPurgingAtOnce_eraseEveryDueConversationOnce_touchNothingElse_andTheirCountsAddUp() throws Exception {
        List<List<Long>> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Instant now = T0.plus(Duration.ofDays(100L * (round + 1)));
            List<Owned> due = seed(now.minus(Duration.ofDays(31)), DUE);
            List<Owned> kept = seed(now.minus(Duration.ofDays(29)), KEPT);

            List<Long> counts = atOnce(now);
            rounds.add(counts);

            assertThat(counts.get(0) + counts.get(1)).as("round %d: %s", round, counts).isEqualTo(DUE);
            assertThat(due).allSatisfy(gone -> {
                assertThat(first.conversations().find(gone.owner(), gone.conversation().id())).isEmpty();
                assertThat(first.messages().latest(gone.owner(), gone.conversation().id(), 10)).isEmpty();
            });
            assertThat(kept).allSatisfy(still -> assertThat(first.messages().latest(still.owner(), still.conversation().id(), 10))
                    .hasValueSatisfying(messages -> assertThat(messages).hasSize(2)));
            assertThat(first.messages().purge(POLICY, now)).as("nothing left to do").isZero();
            assertThat(kept.stream().map(Owned::owner).distinct().mapToLong(owner -> second.messages().eraseOwner(owner)).sum())
                    .as("the kept ones are all still there to erase").isEqualTo(KEPT);
        }
        assertThat(rounds).as("each instance claims batches the other skips, instead of waiting on them")
                .anySatisfy(counts -> assertThat(counts).allSatisfy(count -> assertThat(count).isPositive()));
    }

    /** Both instances' purge, started together by a barrier; any failure of either fails the test. */
    private List<Long> atOnce(Instant now) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Long>> runs = new ArrayList<>();
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            for (Stores instance : List.of(first, second)) {
                runs.add(instances.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return instance.messages().purge(POLICY, now);
                }));
            }
        }
        return List.of(runs.get(0).get(), runs.get(1).get());
    }

    /** {@code count} conversations of two users, each with a question and an answer with a tool call, last touched at {@code touched}. */
    private List<Owned> seed(Instant touched, int count) {
        List<UserId> owners = List.of(newUser(), newUser());
        List<Owned> seeded = new ArrayList<>();
        long seconds = Duration.between(T0, touched).toSeconds();
        for (int i = 0; i < count; i++) {
            UserId owner = owners.get(i % 2);
            Conversation conversation = conversation(owner, "c" + i, touched);
            Message question = Turns.userMessage(conversation, "q" + i, seconds, null);
            (i % 2 == 0 ? first : second).messages().insertAll(conversation,
                    List.of(question, Turns.answerWithToolCall(question, "call-" + i, seconds)));
            seeded.add(new Owned(owner, conversation));
        }
        return seeded;
    }

    /** A conversation and its owner. */
    private record Owned(UserId owner, Conversation conversation) {
    }
}
