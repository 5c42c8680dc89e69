package io.confab.persistence;

import static io.confab.persistence.schema.Tables.TURN_LEASES;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.LeaseClaim;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import io.confab.persistence.schema.tables.records.TurnLeasesRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Turn leases as rows keyed by conversation: a claim is an insert that a held conversation's key
 * refuses, a renewal and a release are keyed by turn, and a take-over deletes the row only while
 * it still has the expiry that was read, so exactly one instance wins it. The claim and the
 * release run with every turn: they are rendered once ({@link RenderedSql}).
 */
final class JooqTurnLeases implements TurnLeases {

    private static final int ATTEMPTS = 3;

    private final DSLContext dsl;
    private final RenderedSql claim;
    private final RenderedSql release;

    JooqTurnLeases(DSLContext dsl) {
        this.dsl = dsl;
        this.claim = RenderedSql.of(dsl, dsl.insertInto(TURN_LEASES)
                .set(TURN_LEASES.CONVERSATION_ID, DSL.param("conversation", TURN_LEASES.CONVERSATION_ID))
                .set(TURN_LEASES.TURN_ID, DSL.param("turn", TURN_LEASES.TURN_ID))
                .set(TURN_LEASES.OWNER, DSL.param("owner", TURN_LEASES.OWNER))
                .set(TURN_LEASES.USER_MESSAGE_ID, DSL.param("user_message", TURN_LEASES.USER_MESSAGE_ID))
                .set(TURN_LEASES.CLIENT_MESSAGE_ID, DSL.param("client_message_id", TURN_LEASES.CLIENT_MESSAGE_ID))
                .set(TURN_LEASES.INSTANCE, DSL.param("instance", TURN_LEASES.INSTANCE))
                .set(TURN_LEASES.EXPIRES_AT, DSL.param("expires_at", TURN_LEASES.EXPIRES_AT))
                .onConflictDoNothing());
        this.release = RenderedSql.of(dsl, dsl.deleteFrom(TURN_LEASES)
                .where(TURN_LEASES.TURN_ID.eq(DSL.param("turn", TURN_LEASES.TURN_ID))));
    }

    @Override
    public LeaseClaim claim(TurnLease lease) {
        Map<String, Object> values = new HashMap<>();
        values.put("conversation", lease.conversation().value());
        values.put("turn", lease.turn().value());
        values.put("owner", lease.owner().value());
        values.put("user_message", lease.userMessage().value());
        values.put("client_message_id", lease.clientMessageId().orElse(null));
        values.put("instance", lease.instance());
        values.put("expires_at", lease.expiresAt());
        for (int attempt = 1; ; attempt++) {
            int inserted = dsl.connectionResult(connection -> claim.update(connection, values));
            if (inserted == 1) {
                return new LeaseClaim.Claimed();
            }
            Optional<TurnLease> holder = holder(lease.conversation());
            // the holder may have been released between the two statements: claim again
            if (holder.isPresent() || attempt == ATTEMPTS) {
                return new LeaseClaim.Held(holder.orElse(lease));
            }
        }
    }

    /** True when this store runs on {@code other}: the same database (and jOOQ configuration). */
    boolean uses(DSLContext other) {
        return dsl == other;
    }

    /** The lease holding the conversation, whoever's it is. */
    Optional<TurnLease> holder(ConversationId conversation) {
        return dsl.selectFrom(TURN_LEASES)
                .where(TURN_LEASES.CONVERSATION_ID.eq(conversation.value()))
                .fetchOptional(JooqTurnLeases::toDomain);
    }

    @Override
    public boolean renew(TurnId turn, Instant until) {
        return dsl.update(TURN_LEASES)
                .set(TURN_LEASES.EXPIRES_AT, until)
                .where(TURN_LEASES.TURN_ID.eq(turn.value()))
                .execute() == 1;
    }

    @Override
    public void release(TurnId turn) {
        dsl.connectionResult(connection -> release.update(connection, Map.of("turn", turn.value())));
    }

    @Override
    public Optional<TurnLease> find(UserId owner, ConversationId conversation) {
        return dsl.selectFrom(TURN_LEASES)
                .where(TURN_LEASES.CONVERSATION_ID.eq(conversation.value()))
                .and(TURN_LEASES.OWNER.eq(owner.value()))
                .fetchOptional(JooqTurnLeases::toDomain);
    }

    @Override
    public List<TurnLease> expired(Instant now, int limit) {
        return dsl.selectFrom(TURN_LEASES)
                .where(TURN_LEASES.EXPIRES_AT.le(now))
                .orderBy(TURN_LEASES.EXPIRES_AT)
                .limit(limit)
                .fetch(JooqTurnLeases::toDomain);
    }

    @Override
    public List<TurnLease> heldBy(String instance) {
        return dsl.selectFrom(TURN_LEASES)
                .where(TURN_LEASES.INSTANCE.eq(instance))
                .fetch(JooqTurnLeases::toDomain);
    }

    @Override
    public boolean takeOver(TurnLease lease) {
        return dsl.deleteFrom(TURN_LEASES)
                .where(TURN_LEASES.TURN_ID.eq(lease.turn().value()))
                .and(TURN_LEASES.EXPIRES_AT.eq(lease.expiresAt()))
                .execute() == 1;
    }

    private static TurnLease toDomain(TurnLeasesRecord row) {
        return new TurnLease(new ConversationId(row.getConversationId()), new TurnId(row.getTurnId()),
                new UserId(row.getOwner()), new MessageId(row.getUserMessageId()),
                Optional.ofNullable(row.getClientMessageId()), row.getInstance(), row.getExpiresAt());
    }
}
