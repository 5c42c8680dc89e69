package io.confab.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.*;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.*;
import java.time.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void h2() { run(TestDatabase.h2().settings()); }

    @Test
    void pg() {
        try (var db = TestDatabase.postgres()) { run(db.settings()); }
    }

    private void run(StoreSettings settings) {
        try (Stores stores = JooqStores.open(settings)) {
            UserId alice = new UserId("alice");
            Instant t = Instant.parse("2025-01-01T00:00:00Z");
            Conversation c = Conversation.start(new ConversationId(UUID.randomUUID()), alice, "Hello 100%", t);
            stores.conversations().insert(c);
            Message m = Message.fromUser(new MessageId(UUID.randomUUID()), c.id(), "hi", Optional.of("k1"), t.plusSeconds(1));
            assertThat(stores.messages().append(alice, m)).isInstanceOf(AppendResult.Appended.class);
            assertThat(stores.messages().append(alice, Message.fromUser(new MessageId(UUID.randomUUID()), c.id(), "hi", Optional.of("k1"), t.plusSeconds(2)))).isEqualTo(new AppendResult.Duplicate(m));
            Message a = Message.fromAssistant(new MessageId(UUID.randomUUID()), c.id(), m.id(), "ok", MessageStatus.COMPLETE,
                List.of(new ToolCall("call1", "add_task", JsonValue.object("title", JsonValue.of("milk")), JsonValue.object("id", JsonValue.of(1)), ToolCallStatus.OK, Duration.ofMillis(12))),
                "gpt", new TokenUsage(10, 5), t.plusSeconds(3));
            assertThat(stores.messages().append(alice, a)).isInstanceOf(AppendResult.Appended.class);
            assertThat(stores.messages().latest(alice, c.id(), 50)).containsExactly(m, a);
            assertThat(stores.messages().page(alice, c.id(), Optional.of(a.id()), 50).items()).containsExactly(m);
            assertThat(stores.messages().findReply(alice, c.id(), m.id())).contains(a);
            var list = stores.conversations().list(alice, new ConversationQuery(0, 10, Optional.empty(), Optional.of("100%")));
            assertThat(list.total()).isEqualTo(1);
            assertThat(list.items().get(0).messageCount()).isEqualTo(2);
            assertThat(list.items().get(0).tokensUsed()).isEqualTo(15);
            assertThat(stores.tasks().add(alice, "a", "", t).id()).isEqualTo(1);
            assertThat(stores.tasks().add(alice, "b", "", t).id()).isEqualTo(2);
            assertThat(stores.tasks().delete(alice, 2)).isTrue();
            assertThat(stores.tasks().add(alice, "c", "", t).id()).isEqualTo(3);
            assertThat(stores.isAvailable()).isTrue();
        }
    }
}
