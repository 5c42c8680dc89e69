package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turns in different conversations, run at the same time, each store and see only their own messages. */
class ConcurrentTurnsTest {

    private final ConfabHarness harness = new ConfabHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void concurrentTurnsInDifferentConversations_doNotInterfere() throws Exception {
        record Chat(UserId user, Conversation conversation, int number) {
        }
        List<Chat> chats = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            UserId user = i % 2 == 0 ? newUser() : chats.get(i - 1).user();
            chats.add(new Chat(user, harness.newConversation(user), i));
        }
        List<Future<List<TurnOutcome>>> outcomes = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Chat chat : chats) {
                Callable<List<TurnOutcome>> threeTurns = () -> {
                    List<TurnOutcome> results = new ArrayList<>();
                    for (int turn = 0; turn < 3; turn++) {
                        results.add(harness.send(chat.user(), chat.conversation().id(),
                                "chat " + chat.number() + " turn " + turn));
                    }
                    return results;
                };
                outcomes.add(callers.submit(threeTurns));
            }
        }

        for (Future<List<TurnOutcome>> outcome : outcomes) {
            assertThat(outcome.get()).allSatisfy(o -> assertThat(o).isInstanceOf(TurnOutcome.Completed.class));
        }
        for (Chat chat : chats) {
            List<Message> stored = harness.stored(chat.user(), chat.conversation().id());
            assertThat(stored).hasSize(6);
            assertThat(stored).allSatisfy(message ->
                    assertThat(message.content()).contains("chat " + chat.number() + " turn "));
            assertThat(stored.stream().filter(m -> m.inReplyTo().isPresent()))
                    .allSatisfy(reply -> assertThat(stored).anySatisfy(question -> {
                        assertThat(question.id()).isEqualTo(reply.inReplyTo().orElseThrow());
                        assertThat(reply.content()).isEqualTo("echo: " + question.content());
                    }));
        }
    }
}
