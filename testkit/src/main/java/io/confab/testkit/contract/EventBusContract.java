package io.confab.testkit.contract;

import static io.confab.testkit.contract.Fixtures.assertSameValue;
import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newConversationId;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.event.TypingChanged;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import io.confab.testkit.EventRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventBus} must have. Delivery may be asynchronous, so tests await
 * what must arrive; to show that something does NOT arrive, they publish it first and then a
 * sentinel that must arrive on the same listener, relying on per-publisher ordering. A
 * subscription must be active when {@code subscribe…} returns.
 */
public abstract class EventBusContract {

    private EventBus bus;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final UserId alice = newUser();
    private final UserId bob = newUser();
    private final ConversationId conversation = newConversationId();
    private final ConversationId otherConversation = newConversationId();
    private final TurnId turn = new TurnId(UUID.randomUUID());

    /** The bus under test; called before each test. */
    protected abstract EventBus eventBus();

    @BeforeEach
    void setUpBus() {
        bus = eventBus();
    }

    @AfterEach
    void closeSubscriptions() {
        subscriptions.forEach(Subscription::close);
    }

    @Test
    void turnEvents_reachTheConversationsSubscribers_only() {
        EventRecorder<ChatEvent> listener = subscribeConversation(conversation);
        TurnEvent elsewhere = thinking(otherConversation, 1);
        TurnEvent here = thinking(conversation, 1);

        bus.publish(alice, elsewhere);
        bus.publish(alice, here);

        assertSameValue(listener.awaitCount(1), List.of(here));
    }

    @Test
    void everySubscriberOfAConversation_receivesItsEvents() {
        EventRecorder<ChatEvent> first = subscribeConversation(conversation);
        EventRecorder<ChatEvent> second = subscribeConversation(conversation);
        TurnEvent event = thinking(conversation, 1);

        bus.publish(alice, event);

        assertSameValue(first.awaitCount(1), List.of(event));
        assertSameValue(second.awaitCount(1), List.of(event));
    }

    @Test
    void turnEvents_arriveInTheOrderTheyWerePublished() {
        EventRecorder<ChatEvent> listener = subscribeConversation(conversation);
        List<TurnEvent> chunks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            chunks.add(new TurnEvent.Chunk(turn, conversation, i + 1, at(i), "word" + i, newMessageId(), i));
        }

        chunks.forEach(chunk -> bus.publish(alice, chunk));

        assertSameValue(listener.awaitCount(20), chunks);
    }

    @Test
    void typing_reachesTheConversationsSubscribers() {
        EventRecorder<ChatEvent> listener = subscribeConversation(conversation);
        TypingChanged typing = new TypingChanged(conversation, alice, true, at(1));

        bus.publish(alice, typing);

        assertSameValue(listener.awaitCount(1), List.of(typing));
    }

    @Test
    void conversationNotifications_reachTheOwnersSubscribers_notOtherUsers() {
        EventRecorder<ChatEvent> alicesSocket = subscribeUser(alice);
        EventRecorder<ChatEvent> bobsSocket = subscribeUser(bob);
        ConversationEvent forAlice = new ConversationEvent.Created(conversation(alice, "hers", at(0)), at(0));
        ConversationEvent forBob = new ConversationEvent.Updated(conversation(bob, "his", at(1)), at(1));

        bus.publish(alice, forAlice);
        bus.publish(bob, forBob);

        assertSameValue(alicesSocket.awaitCount(1), List.of(forAlice));
        assertSameValue(bobsSocket.awaitCount(1), List.of(forBob));
    }

    @Test
    void conversationNotifications_doNotReachConversationSubscribers() {
        var created = conversation(alice, "new", at(0));
        EventRecorder<ChatEvent> conversationListener = subscribeConversation(created.id());
        TurnEvent sentinel = thinking(created.id(), 1);

        bus.publish(alice, new ConversationEvent.Deleted(created, at(1)));
        bus.publish(alice, sentinel);

        assertSameValue(conversationListener.awaitCount(1), List.of(sentinel));
    }

    @Test
    void turnEventsAndTyping_reachTheOwnersListenerOfAllTheirConversations_neverAnotherUsers() {
        EventRecorder<ChatEvent> alicesTurns = subscribeUserConversations(alice);
        EventRecorder<ChatEvent> bobsTurns = subscribeUserConversations(bob);
        TurnEvent first = thinking(conversation, 1);
        TypingChanged typing = new TypingChanged(otherConversation, alice, true, at(2));
        TurnEvent bobs = thinking(newConversationId(), 1);

        bus.publish(alice, first);
        bus.publish(alice, new ConversationEvent.Created(conversation(alice, "hers", at(0)), at(0)));
        bus.publish(alice, typing);
        bus.publish(bob, bobs);

        assertSameValue(bobsTurns.awaitCount(1), List.of(bobs));
        assertSameValue(alicesTurns.awaitCount(2), List.of(first, typing));
    }

    @Test
    void closingASubscription_stopsDelivery() {
        EventRecorder<ChatEvent> closed = new EventRecorder<>();
        bus.subscribeConversation(conversation, closed).close();
        EventRecorder<ChatEvent> open = subscribeConversation(conversation);
        TurnEvent event = thinking(conversation, 1);

        bus.publish(alice, event);

        open.awaitCount(1);
        assertThat(closed.events()).isEmpty();
    }

    @Test
    void aListenerThatThrows_doesNotStopDeliveryToTheOthers() {
        subscriptions.add(bus.subscribeConversation(conversation, event -> {
            throw new IllegalStateException("broken listener");
        }));
        EventRecorder<ChatEvent> healthy = subscribeConversation(conversation);

        bus.publish(alice, thinking(conversation, 1));
        bus.publish(alice, thinking(conversation, 2));

        assertThat(healthy.awaitCount(2)).extracting(ChatEvent::seq).containsExactly(1L, 2L);
    }

    private TurnEvent thinking(ConversationId target, long seq) {
        return new TurnEvent.AgentThinking(turn, target, seq, at(seq), "Thinking…");
    }

    private EventRecorder<ChatEvent> subscribeConversation(ConversationId target) {
        EventRecorder<ChatEvent> recorder = new EventRecorder<>();
        subscriptions.add(bus.subscribeConversation(target, recorder));
        return recorder;
    }

    private EventRecorder<ChatEvent> subscribeUserConversations(UserId user) {
        EventRecorder<ChatEvent> recorder = new EventRecorder<>();
        subscriptions.add(bus.subscribeUserConversations(user, recorder));
        return recorder;
    }

    private EventRecorder<ChatEvent> subscribeUser(UserId user) {
        EventRecorder<ChatEvent> recorder = new EventRecorder<>();
        subscriptions.add(bus.subscribeUser(user, recorder));
        return recorder;
    }
}
