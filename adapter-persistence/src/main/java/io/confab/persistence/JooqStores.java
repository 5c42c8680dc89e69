package io.confab.persistence;

import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Opens the jOOQ stores on PostgreSQL or H2 (chosen by the JDBC URL), after migrating the schema
 * with Flyway. The entry point of this adapter for the server and for host applications.
 */
public final class JooqStores {

    private JooqStores() {
    }

    /** Opens the pool and migrates; throws {@code StoreUnavailableException} when the database cannot be reached. */
    public static Stores open(StoreSettings settings) {
        Database database = Database.open(settings);
        DSLContext dsl = dsl(database);
        return new GuardedStores(database,
                new JooqConversationRepository(dsl),
                new JooqMessageRepository(dsl),
                new JooqTaskRepository(dsl),
                () -> { });
    }

    static DSLContext dsl(Database database) {
        return DSL.using(database.dataSource(), database.vendor().dialect(), new Settings().withExecuteLogging(false));
    }
}
