package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.application.testing.ConfabHarness.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.ValidationException;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.ModelMessage;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A reply written again for a stored user message (ChatKit's retry, SPEC §16's regenerate): a new turn, the same user message. */
class RetryReplyTest extends OneConversationTest {

    @Test
    void regeneratingTheLatestReply_keepsTheEarlierAsAVersion_andHistoryAndModelSeeOnlyTheNewest() {
        harness.model.then(Reply.text("first")).then(Reply.text("second")).then(Reply.text("next"));
        TurnOutcome.Finished asked = (TurnOutcome.Finished) harness.send(alice, conversation.id(), "question");

        TurnOutcome again = harness.confab.retryReply()
                .regenerateAndWait(alice, conversation.id(), asked.assistantMessage().id());

        assertThat(((TurnOutcome.Finished) again).assistantMessage().content()).isEqualTo("second");
        assertThat(harness.confab.listMessages().list(alice, conversation.id(), Optional.empty(), 50).orElseThrow().items())
                .extracting(Message::content).containsExactly("question", "second");
        assertThat(harness.confab.listMessages().versions(alice, conversation.id(), asked.assistantMessage().id()).orElseThrow())
                .extracting(Message::content).containsExactly("first", "second");
        harness.send(alice, conversation.id(), "follow-up");
        assertThat(harness.model.requests().getLast().messages()).containsExactly(new ModelMessage.User("question"),
                new ModelMessage.Assistant("second", List.of()), new ModelMessage.User("follow-up"));
    }

    @Test
    void onlyTheLatestExchange_canBeRegenerated_andOnlyByItsOwner() {
        TurnOutcome.Finished older = (TurnOutcome.Finished) harness.send(alice, conversation.id(), "one");
        harness.send(alice, conversation.id(), "two");

        assertThatThrownBy(() -> harness.confab.retryReply()
                .regenerateAndWait(alice, conversation.id(), older.userMessage().id()))
                .isInstanceOf(ValidationException.class);
        assertThat(harness.confab.retryReply().regenerateAndWait(newUser(), conversation.id(), older.userMessage().id()))
                .isInstanceOf(TurnOutcome.NotFound.class);
        assertThat(harness.confab.listMessages().versions(newUser(), conversation.id(), older.userMessage().id())).isEmpty();
    }

    @Test
    void retryingAFailedReply_answersTheSameUserMessageAgain_givenOnlyTheHistoryBeforeIt() {
        harness.send(alice, conversation.id(), "earlier");
        harness.model.then(Reply.text("Par").thenFail(ChatModelException.Kind.UNAVAILABLE, "down"));
        TurnOutcome failed = harness.send(alice, conversation.id(), "try this");
        Message question = ((TurnOutcome.Finished) failed).userMessage();
        harness.model.then(Reply.text("Done."));
        EventRecorder<TurnEvent> events = new EventRecorder<>();

        TurnStart start = harness.confab.retryReply().retry(alice, conversation.id(), question.id(), events::accept);

        assertThat(start).isInstanceOf(TurnStart.Started.class);
        events.awaitMatching(TurnEvent::isTerminal);
        assertThat(types(events.events())).startsWith("message_created").endsWith("complete");
        List<Message> stored = harness.stored(alice, conversation.id());
        assertThat(stored).extracting(Message::status).containsExactly(MessageStatus.COMPLETE, MessageStatus.COMPLETE,
                MessageStatus.COMPLETE, MessageStatus.FAILED, MessageStatus.COMPLETE);
        assertThat(stored.getLast().inReplyTo()).contains(question.id());
        assertThat(harness.ports.messages().findReply(alice, conversation.id(), question.id()).orElseThrow().content())
                .isEqualTo("Done.");
        List<ModelMessage> given = harness.model.requests().getLast().messages();
        assertThat(given.getLast()).isEqualTo(new ModelMessage.User("try this"));
        assertThat(given).hasSize(3);
    }

    @Test
    void anAssistantMessage_anUnknownOne_orAnotherUsersConversation_isNotFound() {
        TurnOutcome.Finished turn = (TurnOutcome.Finished) harness.send(alice, conversation.id(), "hello");
        EventRecorder<TurnEvent> events = new EventRecorder<>();

        assertThat(harness.confab.retryReply().retry(alice, conversation.id(), turn.assistantMessage().id(), events::accept))
                .isInstanceOf(TurnStart.NotFound.class);
        assertThat(harness.confab.retryReply().retry(newUser(), conversation.id(), turn.userMessage().id(), events::accept))
                .isInstanceOf(TurnStart.NotFound.class);
        assertThat(harness.stored(alice, conversation.id())).hasSize(2);
    }

    @Test
    void whileAnotherTurnRuns_aRetryIsRefusedAsInProgress_andStoresNothing() throws Exception {
        TurnOutcome.Finished first = (TurnOutcome.Finished) harness.send(alice, conversation.id(), "hello");
        CountDownLatch hanging = new CountDownLatch(1);
        harness.model.then(Reply.text("slow").thenHangUntilCancelled(hanging));
        TurnStart running = harness.confab.sendMessage().start(ConfabHarness.command(alice, conversation.id(), "next", null),
                new EventRecorder<TurnEvent>()::accept);
        hanging.await();

        TurnStart retry = harness.confab.retryReply().retry(alice, conversation.id(), first.userMessage().id(),
                new EventRecorder<TurnEvent>()::accept);

        assertThat(retry).isEqualTo(new TurnStart.InProgress(((TurnStart.Started) running).turn()));
        harness.confab.cancelTurn().cancel(alice, conversation.id());
    }

    @Test
    void editingTheLatestMessage_storesTheNewText_answersIt_andKeepsTheOldTextAndReplyAsVersions() {
        harness.model.then(Reply.text("Sure.")).then(Reply.text("Lisbon is lovely.")).then(Reply.text("Porto is lovely."))
                .then(Reply.text("Yes."));
        harness.send(alice, conversation.id(), "earlier");
        TurnOutcome.Finished asked = (TurnOutcome.Finished) harness.send(alice, conversation.id(), "tell me about Lisbon");

        TurnOutcome edited = harness.confab.retryReply()
                .editAndWait(alice, conversation.id(), asked.userMessage().id(), "tell me about Porto");

        assertThat(((TurnOutcome.Finished) edited).assistantMessage().content()).isEqualTo("Porto is lovely.");
        assertThat(harness.model.requests().getLast().messages()).extracting(Object::toString)
                .noneMatch(text -> text.contains("Lisbon"));
        assertThat(harness.confab.listMessages().list(alice, conversation.id(), Optional.empty(), 50).orElseThrow().items())
                .extracting(Message::content).endsWith("tell me about Porto", "Porto is lovely.")
                .doesNotContain("tell me about Lisbon", "Lisbon is lovely.");
        Message newText = ((TurnOutcome.Finished) edited).userMessage();
        assertThat(harness.confab.listMessages().versions(alice, conversation.id(), asked.userMessage().id()).orElseThrow())
                .extracting(Message::content).containsExactly("tell me about Lisbon", "tell me about Porto");
        assertThat(harness.confab.listMessages().versions(alice, conversation.id(), newText.id()).orElseThrow())
                .extracting(Message::content).containsExactly("tell me about Lisbon", "tell me about Porto");
        harness.send(alice, conversation.id(), "really?");
        assertThat(harness.model.requests().getLast().messages()).extracting(Object::toString)
                .noneMatch(text -> text.contains("Lisbon"));
    }

    @Test
    void onlyTheLatestMessage_canBeEdited_andTheNewTextFollowsTheMessageRules() {
        TurnOutcome.Finished older = (TurnOutcome.Finished) harness.send(alice, conversation.id(), "one");
        TurnOutcome.Finished latest = (TurnOutcome.Finished) harness.send(alice, conversation.id(), "two");

        assertThatThrownBy(() -> harness.confab.retryReply()
                .editAndWait(alice, conversation.id(), older.userMessage().id(), "uno"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> harness.confab.retryReply()
                .editAndWait(alice, conversation.id(), latest.userMessage().id(), "   "))
                .isInstanceOf(ValidationException.class);
        assertThat(harness.confab.retryReply().editAndWait(newUser(), conversation.id(), latest.userMessage().id(), "x"))
                .isInstanceOf(TurnOutcome.NotFound.class);
        assertThat(harness.stored(alice, conversation.id())).hasSize(4);
    }
}
