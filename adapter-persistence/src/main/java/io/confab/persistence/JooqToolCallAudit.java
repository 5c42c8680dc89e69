package io.confab.persistence;

import static io.confab.persistence.schema.Tables.TOOL_CALL_AUDIT;

import io.confab.domain.ConversationId;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCall;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.domain.audit.ToolCallEntry;
import io.confab.domain.audit.ToolCallSource;
import io.confab.domain.port.ToolCallAudit;
import io.confab.json.JsonValues;
import io.confab.persistence.schema.tables.records.ToolCallAuditRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The tool-call audit in one table, every query scoped by owner; pages are keyset pages on
 * (created_at, id) descending, read through the (owner, created_at, id) index.
 */
final class JooqToolCallAudit implements ToolCallAudit {

    private final DSLContext dsl;

    JooqToolCallAudit(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(ToolCallEntry call) {
        AuditedToolCall stored = call.stored(JsonValues.write(call.result()));
        dsl.insertInto(TOOL_CALL_AUDIT)
                .set(new ToolCallAuditRecord(stored.id().value(), stored.user().value(), stored.source().wireName(),
                        stored.tool(), JSONB.valueOf(JsonValues.write(stored.arguments())), stored.outcome().wireName(),
                        stored.result(), stored.duration().toMillis(),
                        stored.conversation().map(ConversationId::value).orElse(null), stored.createdAt()))
                .execute();
    }

    @Override
    public AuditedToolCallPage list(UserId owner, Optional<AuditedToolCallId> before, int limit) {
        List<AuditedToolCall> rows = dsl.selectFrom(TOOL_CALL_AUDIT)
                .where(TOOL_CALL_AUDIT.OWNER.eq(owner.value()))
                .and(before.map(cursor -> olderThan(owner, cursor)).orElse(DSL.noCondition()))
                .orderBy(TOOL_CALL_AUDIT.CREATED_AT.desc(), TOOL_CALL_AUDIT.ID.desc())
                .limit(limit + 1)
                .fetch(JooqToolCallAudit::toDomain);
        return new AuditedToolCallPage(rows.subList(0, Math.min(limit, rows.size())), rows.size() > limit);
    }

    /** Rows after the owner's cursor row in the list's order; none when the owner has no such row. */
    private Condition olderThan(UserId owner, AuditedToolCallId cursor) {
        return DSL.row(TOOL_CALL_AUDIT.CREATED_AT, TOOL_CALL_AUDIT.ID).lt(
                DSL.select(TOOL_CALL_AUDIT.CREATED_AT, TOOL_CALL_AUDIT.ID)
                        .from(TOOL_CALL_AUDIT)
                        .where(TOOL_CALL_AUDIT.OWNER.eq(owner.value()))
                        .and(TOOL_CALL_AUDIT.ID.eq(cursor.value())));
    }

    @Override
    public long eraseOwner(UserId owner) {
        return dsl.deleteFrom(TOOL_CALL_AUDIT)
                .where(TOOL_CALL_AUDIT.OWNER.eq(owner.value()))
                .execute();
    }

    private static AuditedToolCall toDomain(ToolCallAuditRecord row) {
        return new AuditedToolCall(new AuditedToolCallId(row.getId()), new UserId(row.getOwner()),
                ToolCallSource.fromWire(row.getSource()), row.getTool(), JsonValues.parse(row.getArguments().data()),
                ToolCallStatus.fromWire(row.getOutcome()), row.getResult(), Duration.ofMillis(row.getDurationMs()),
                Optional.ofNullable(row.getConversationId()).map(ConversationId::new), row.getCreatedAt());
    }
}
