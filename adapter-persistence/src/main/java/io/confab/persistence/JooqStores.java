package io.confab.persistence;

import io.confab.application.Stores;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
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
        Database database = Database.create(settings);
        // connecting and migrating, and jOOQ's first DSL (it loads the data types of every dialect),
        // take about as long each: the migration runs on its own thread meanwhile
        CompletableFuture<Void> migration = CompletableFuture.runAsync(database::migrate,
                task -> Thread.ofPlatform().name("confab-migrate-database").start(task));
        try {
            DSLContext dsl = dsl(database);
            Stores stores = new GuardedStores(database,
                    new JooqConversationRepository(dsl),
                    new JooqMessageRepository(dsl),
                    new JooqTaskRepository(dsl),
                    new JooqTurnLeases(dsl),
                    new JooqToolCallAudit(dsl),
                    () -> { });
            migration.join();
            return stores;
        } catch (CompletionException e) {
            database.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            migration.exceptionally(ignored -> null).join(); // the pool is closed once the migration has let go
            database.close();
            throw e;
        }
    }

    /**
     * The stores on a host application's own {@code DataSource} (PostgreSQL or H2), migrated first;
     * the host keeps owning it: closing the stores leaves it open.
     */
    public static Stores open(DataSource dataSource) {
        Database database = Database.hosted(dataSource);
        DSLContext dsl = dsl(database);
        return new GuardedStores(database, new JooqConversationRepository(dsl), new JooqMessageRepository(dsl),
                new JooqTaskRepository(dsl), new JooqTurnLeases(dsl), new JooqToolCallAudit(dsl), () -> { });
    }

    static DSLContext dsl(Database database) {
        return DSL.using(database.dataSource(), database.vendor().dialect(), new Settings().withExecuteLogging(false));
    }
}
