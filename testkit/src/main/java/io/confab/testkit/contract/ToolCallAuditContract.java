package io.confab.testkit.contract;

import static io.confab.testkit.contract.Fixtures.assertSameValue;
import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.newConversationId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.confab.domain.ConversationId;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCall;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.domain.audit.ToolCallEntry;
import io.confab.domain.audit.ToolCallSource;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.ToolCallAudit;
import io.confab.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ToolCallAudit} must have. Tests use fresh random users, so one
 * database may serve every test.
 */
public abstract class ToolCallAuditContract {

    private static final IdGenerator IDS = new TimeOrderedIdGenerator();

    private ToolCallAudit audit;
    private final UserId alice = newUser();
    private final UserId bob = newUser();

    /** The audit store under test; called before each test. */
    protected abstract ToolCallAudit toolCallAudit();

    @BeforeEach
    void setUpAudit() {
        audit = toolCallAudit();
    }

    @Test
    void record_thenList_keepsEveryField_withTheResultAsJsonText() {
        ConversationId conversation = newConversationId();
        ToolCallEntry entry = new ToolCallEntry(newId(), alice, ToolCallSource.TURN, "add_task",
                JsonValue.object("title", JsonValue.of("buy milk")), ToolCallStatus.OK,
                JsonValue.object("id", JsonValue.of(1)), Duration.ofMillis(12), Optional.of(conversation), at(0));

        audit.record(entry);

        assertSameValue(audit.list(alice, Optional.empty(), 10).items(),
                List.of(entry.stored(JsonValues.write(entry.result()))));
    }

    @Test
    void record_keepsEachSource_andNoConversationOutsideATurn() {
        audit.record(call(alice, ToolCallSource.MCP_HTTP, at(0)));
        audit.record(call(alice, ToolCallSource.MCP_STDIO, at(1)));

        assertThat(audit.list(alice, Optional.empty(), 10).items())
                .extracting(AuditedToolCall::source, AuditedToolCall::conversation)
                .containsExactly(
                        tuple(ToolCallSource.MCP_STDIO, Optional.empty()),
                        tuple(ToolCallSource.MCP_HTTP, Optional.empty()));
    }

    @Test
    void record_ofAFailure_keepsTheErrorOutcome() {
        ToolCallEntry failed = new ToolCallEntry(newId(), alice, ToolCallSource.TURN, "complete_task",
                JsonValue.object("id", JsonValue.of(9)), ToolCallStatus.ERROR,
                JsonValue.object("error", JsonValue.of("No task 9")), Duration.ZERO, Optional.empty(), at(0));

        audit.record(failed);

        AuditedToolCall listed = audit.list(alice, Optional.empty(), 1).items().getFirst();
        assertThat(listed.outcome()).isEqualTo(ToolCallStatus.ERROR);
        assertThat(listed.result()).isEqualTo("{\"error\":\"No task 9\"}");
    }

    @Test
    void record_ofALargeResult_keepsItsFirst4KiB_cutBetweenCharacters() {
        String text = "é".repeat(3000); // two bytes each
        audit.record(new ToolCallEntry(newId(), alice, ToolCallSource.TURN, "list_tasks", JsonValue.Obj.empty(),
                ToolCallStatus.OK, JsonValue.of(text), Duration.ZERO, Optional.empty(), at(0)));

        String kept = audit.list(alice, Optional.empty(), 1).items().getFirst().result();

        assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isBetween(AuditedToolCall.MAX_RESULT_BYTES - 1,
                AuditedToolCall.MAX_RESULT_BYTES);
        assertThat(JsonValues.write(JsonValue.of(text))).startsWith(kept);
        assertThat(kept).endsWith("é");
    }

    @Test
    void list_isNewestFirst_andPagesWithTheCursor() {
        ToolCallEntry first = call(alice, ToolCallSource.TURN, at(0));
        ToolCallEntry second = call(alice, ToolCallSource.TURN, at(1));
        ToolCallEntry third = call(alice, ToolCallSource.TURN, at(2));
        audit.record(second);
        audit.record(third);
        audit.record(first);

        AuditedToolCallPage newest = audit.list(alice, Optional.empty(), 2);
        assertThat(newest.items()).extracting(AuditedToolCall::id).containsExactly(third.id(), second.id());
        assertThat(newest.hasMore()).isTrue();

        AuditedToolCallPage older = audit.list(alice, Optional.of(second.id()), 2);
        assertThat(older.items()).extracting(AuditedToolCall::id).containsExactly(first.id());
        assertThat(older.hasMore()).isFalse();
    }

    @Test
    void list_ofCallsAtTheSameInstant_ordersThemById_andPagesWithoutLosingAny() {
        ToolCallEntry a = call(alice, ToolCallSource.TURN, at(5));
        ToolCallEntry b = call(alice, ToolCallSource.TURN, at(5));
        ToolCallEntry c = call(alice, ToolCallSource.TURN, at(5));
        audit.record(b);
        audit.record(a);
        audit.record(c);

        assertThat(audit.list(alice, Optional.empty(), 1).items()).extracting(AuditedToolCall::id).containsExactly(c.id());
        assertThat(audit.list(alice, Optional.of(c.id()), 1).items()).extracting(AuditedToolCall::id).containsExactly(b.id());
        assertThat(audit.list(alice, Optional.of(b.id()), 5).items()).extracting(AuditedToolCall::id).containsExactly(a.id());
    }

    @Test
    void list_showsOnlyTheOwnersCalls() {
        audit.record(call(alice, ToolCallSource.TURN, at(0)));

        assertThat(audit.list(bob, Optional.empty(), 10).items()).isEmpty();
        assertThat(audit.list(bob, Optional.empty(), 10).hasMore()).isFalse();
    }

    @Test
    void list_beforeAnotherUsersCall_isEmpty() {
        ToolCallEntry alices = call(alice, ToolCallSource.TURN, at(5));
        audit.record(alices);
        audit.record(call(bob, ToolCallSource.TURN, at(0)));

        assertThat(audit.list(bob, Optional.of(alices.id()), 10).items()).isEmpty();
    }

    @Test
    void list_beforeAnUnknownCall_isEmpty() {
        audit.record(call(alice, ToolCallSource.TURN, at(0)));

        assertThat(audit.list(alice, Optional.of(newId()), 10).items()).isEmpty();
    }

    @Test
    void eraseOwner_erasesTheOwnersCallsOnly() {
        audit.record(call(alice, ToolCallSource.TURN, at(0)));
        audit.record(call(alice, ToolCallSource.MCP_HTTP, at(1)));
        ToolCallEntry bobs = call(bob, ToolCallSource.TURN, at(2));
        audit.record(bobs);

        assertThat(audit.eraseOwner(alice)).isEqualTo(2);

        assertThat(audit.list(alice, Optional.empty(), 10).items()).isEmpty();
        assertThat(audit.list(bob, Optional.empty(), 10).items()).extracting(AuditedToolCall::id).containsExactly(bobs.id());
        assertThat(audit.eraseOwner(alice)).isZero();
    }

    private static ToolCallEntry call(UserId user, ToolCallSource source, Instant at) {
        return new ToolCallEntry(newId(), user, source, "list_tasks", JsonValue.object("status", JsonValue.of("all")),
                ToolCallStatus.OK, JsonValue.object("items", JsonValue.array(List.of())), Duration.ofMillis(3),
                Optional.empty(), at);
    }

    private static AuditedToolCallId newId() {
        return new AuditedToolCallId(IDS.next());
    }
}
