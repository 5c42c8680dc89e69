package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.ExportConversationUseCase;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The export of everything of a user (SPEC §16, {@code GET /api/v1/me/export}), on the in-memory ports. */
class AccountExportTest {

    private final ConfabHarness harness = new ConfabHarness();
    private final ExportConversationUseCase export = harness.confab.exportConversation();
    private final UserId alice = newUser();
    private final UserId bob = newUser();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void exportAll_visitsEveryLiveConversationOfTheOwner_newestFirst_eachWithAllItsMessagesOldestFirst() {
        Conversation older = harness.newConversation(alice);
        List<Message> olderMessages = harness.appendTurns(older, 2);
        harness.clock.advance(Duration.ofMinutes(1));
        Conversation large = harness.newConversation(alice);
        List<Message> largeMessages = harness.appendTurns(large, 225);
        harness.confab.deleteConversation().delete(alice, harness.newConversation(alice).id());
        harness.appendTurns(harness.newConversation(bob), 1);
        List<Visited> visited = new ArrayList<>();

        int count = export.exportAll(alice, (conversation, messages) ->
                visited.add(new Visited(conversation.id(), messages.count(), list(messages))));

        assertThat(count).isEqualTo(2);
        assertThat(visited).containsExactly(new Visited(large.id(), 450, largeMessages),
                new Visited(older.id(), 4, olderMessages));
    }

    @Test
    void exportAll_ofAnEmptyAccount_visitsNothing() {
        harness.appendTurns(harness.newConversation(bob), 1);

        assertThat(export.exportAll(alice, (conversation, messages) -> {
            throw new AssertionError("visited " + conversation.id());
        })).isZero();
    }

    @Test
    void exportAll_readsEachConversationJustBeforeItsVisit_soOneDeletedMeanwhileIsLeftOut() {
        Conversation later = harness.newConversation(alice);
        harness.clock.advance(Duration.ofMinutes(1));
        Conversation first = harness.newConversation(alice);
        List<ConversationId> visited = new ArrayList<>();

        export.exportAll(alice, (conversation, messages) -> {
            visited.add(conversation.id());
            harness.confab.deleteConversation().delete(alice, later.id());
        });

        assertThat(visited).containsExactly(first.id());
    }

    @Test
    void exportAll_readsTheMessagesAPageAtATimeWhileTheyAreIterated_notAllBeforehand() {
        Conversation large = harness.newConversation(alice);
        List<Message> sent = harness.appendTurns(large, 225);
        List<Message> iterated = new ArrayList<>();

        export.exportAll(alice, (conversation, messages) -> {
            for (Message message : messages) {
                if (iterated.isEmpty()) {
                    harness.confab.deleteConversation().delete(alice, large.id());
                }
                iterated.add(message);
            }
        });

        assertThat(iterated).as("only the oldest page (50 of 450, 200 a page) was read before the deletion")
                .isEqualTo(sent.subList(0, 50));
    }

    private static List<Message> list(Iterable<Message> messages) {
        List<Message> all = new ArrayList<>();
        messages.forEach(all::add);
        return all;
    }

    /** What the visitor was handed for one conversation. */
    private record Visited(ConversationId id, int count, List<Message> messages) {
    }
}
