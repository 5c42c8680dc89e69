package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.port.Subscription;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rate limits, the bounded history window, titles and the one-shot chat. */
class TurnPoliciesTest {

    private final UserId alice = newUser();

    @Test
    void beyondTheRateLimit_aTurnIsRefusedBeforeAnythingIsStored_untilTheWindowPasses() {
        try (ConfabHarness harness = new ConfabHarness(new ScriptedChatModel(), ConfabSettings.defaults(), 2)) {
            Conversation chat = harness.newConversation(alice);
            harness.send(alice, chat.id(), "one");
            harness.send(alice, chat.id(), "two");

            TurnOutcome third = harness.send(alice, chat.id(), "three");
            TurnStart streamed = harness.confab.sendMessage().start(command(alice, chat.id(), "three", null), e -> { });

            assertThat(third).isInstanceOfSatisfying(TurnOutcome.RateLimited.class,
                    limited -> assertThat(limited.retryAfter()).isPositive());
            assertThat(streamed).isInstanceOf(TurnStart.RateLimited.class);
            assertThat(harness.stored(alice, chat.id())).hasSize(4);
            assertThat(harness.send(newUser(), harness.newConversation(newUser()).id(), "x"))
                    .isInstanceOf(TurnOutcome.NotFound.class);

            harness.clock.advance(Duration.ofMinutes(1));
            assertThat(harness.send(alice, chat.id(), "three")).isInstanceOf(TurnOutcome.Completed.class);
        }
    }

    @Test
    void aTurnInSomeoneElsesConversation_isNotFound_andCountsAgainstTheCallersLimit() {
        try (ConfabHarness harness = new ConfabHarness(new ScriptedChatModel(), ConfabSettings.defaults(), 2)) {
            Conversation bobs = harness.newConversation(newUser());
            Conversation chat = harness.newConversation(alice);

            assertThat(harness.send(alice, bobs.id(), "one")).isInstanceOf(TurnOutcome.NotFound.class);
            assertThat(harness.send(alice, bobs.id(), "two")).isInstanceOf(TurnOutcome.NotFound.class);

            assertThat(harness.send(alice, bobs.id(), "three")).isInstanceOf(TurnOutcome.RateLimited.class);
            assertThat(harness.send(alice, chat.id(), "four")).isInstanceOf(TurnOutcome.RateLimited.class);
            assertThat(harness.stored(alice, chat.id())).isEmpty();
        }
    }

    @Test
    void aLongConversation_onlyLoadsTheLastNMessagesForTheModel() {
        try (ConfabHarness harness = new ConfabHarness(ConfabSettings.defaults().withHistoryLimit(10))) {
            Conversation chat = harness.newConversation(alice);
            for (int i = 0; i < 200; i++) {
                harness.ports.messages().append(alice, Message.fromUser(
                        new io.confab.domain.MessageId(harness.ports.ids().next()), chat.id(), "old " + i,
                        Optional.empty(), harness.clock.instant()));
            }

            harness.send(alice, chat.id(), "newest");

            List<ModelMessage> seen = harness.model.requests().get(0).messages();
            assertThat(seen).hasSize(10);
            assertThat(seen.get(0)).isEqualTo(new ModelMessage.User("old 191"));
            assertThat(seen.get(9)).isEqualTo(new ModelMessage.User("newest"));
        }
    }

    @Test
    void theHistoryWindow_dropsTheOldestMessagesToFitTheTokenBudget() {
        try (ConfabHarness harness = new ConfabHarness(ConfabSettings.defaults().withSystemPrompt("Be brief.")
                .withTokenBudget(100))) {
            Conversation chat = harness.newConversation(alice);
            String longText = "x".repeat(160);
            for (int i = 0; i < 5; i++) {
                harness.ports.messages().append(alice, Message.fromUser(
                        new io.confab.domain.MessageId(harness.ports.ids().next()), chat.id(), i + longText,
                        Optional.empty(), harness.clock.instant()));
            }

            harness.send(alice, chat.id(), "newest");

            List<ModelMessage> seen = harness.model.requests().get(0).messages();
            // budget 100 - 3 (system prompt) = 97; "newest" costs 6, each long message 45: two of them fit
            assertThat(seen).containsExactly(new ModelMessage.User("3" + longText), new ModelMessage.User("4" + longText),
                    new ModelMessage.User("newest"));
        }
    }

    @Test
    void theFirstCompletedExchange_namesTheConversationOnce_andNotifiesTheOwner() {
        try (ConfabHarness harness = new ConfabHarness()) {
            Conversation chat = harness.newConversation(alice);
            EventRecorder<ChatEvent> notifications = new EventRecorder<>();
            Subscription subscription = harness.ports.eventBus().subscribeUser(alice, notifications);

            harness.send(alice, chat.id(), "Plan a weekend trip to Lisbon with museums, food markets and a day at the beach");
            harness.send(alice, chat.id(), "Something else entirely");
            subscription.close();

            String title = harness.confab.getConversation().get(alice, chat.id()).orElseThrow().title();
            assertThat(title).isEqualTo("Plan a weekend trip to Lisbon with museums, food markets…");
            assertThat(title.length()).isLessThanOrEqualTo(60);
            assertThat(harness.model.titleRequests()).isEqualTo(1);
            assertThat(notifications.events()).allSatisfy(e -> assertThat(e).isInstanceOf(ConversationEvent.Updated.class));
            assertThat(notifications.events()).extracting(e -> ((ConversationEvent) e).conversation().title())
                    .containsExactly(title, title);
        }
    }

    @Test
    void aTitleSuggestedByTheModel_isUsed() {
        try (ConfabHarness harness = new ConfabHarness(new ScriptedChatModel().suggestingTitle("Lisbon weekend"),
                ConfabSettings.defaults(), 100)) {
            Conversation chat = harness.newConversation(alice);

            harness.send(alice, chat.id(), "Plan a weekend trip to Lisbon");

            assertThat(harness.confab.getConversation().get(alice, chat.id()).orElseThrow().title()).isEqualTo("Lisbon weekend");
        }
    }

    @Test
    void oneShotChat_withoutAConversation_createsOne() {
        try (ConfabHarness harness = new ConfabHarness()) {
            TurnOutcome outcome = harness.confab.oneShotChat().chat(alice, Optional.empty(), "hello");

            assertThat(outcome).isInstanceOfSatisfying(TurnOutcome.Completed.class, completed -> {
                assertThat(completed.assistantMessage().content()).isEqualTo("echo: hello");
                assertThat(harness.confab.getConversation().get(alice, completed.userMessage().conversationId()))
                        .hasValueSatisfying(c -> assertThat(c.title()).isEqualTo("hello"));
            });
        }
    }

    @Test
    void oneShotChat_streamed_withoutAConversation_createsOne_andStreamsTheTurnInIt() {
        try (ConfabHarness harness = new ConfabHarness()) {
            EventRecorder<TurnEvent> events = new EventRecorder<>();

            TurnStart start = harness.confab.oneShotChat().start(alice, Optional.empty(), "hello", events::accept);
            List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);

            assertThat(start).isInstanceOf(TurnStart.Started.class);
            assertThat(seen.getFirst()).isInstanceOf(TurnEvent.MessageCreated.class);
            assertThat(((TurnEvent.Completed) seen.getLast()).message().content()).isEqualTo("echo: hello");
            assertThat(harness.confab.getConversation().get(alice, seen.getFirst().conversationId())).isPresent();
        }
    }

    @Test
    void oneShotChat_streamed_intoAnotherUsersConversation_isNotFound() {
        try (ConfabHarness harness = new ConfabHarness()) {
            Conversation bobs = harness.newConversation(newUser());

            assertThat(harness.confab.oneShotChat().start(alice, Optional.of(bobs.id()), "hi", event -> { }))
                    .isInstanceOf(TurnStart.NotFound.class);
        }
    }
}
