package io.confab.persistence;

import io.confab.application.Stores;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * Opens the JPA/Hibernate stores, for host applications that already use JPA: Hibernate is
 * bootstrapped without a container, on the Flyway-migrated schema, which it validates. Tasks use
 * the jOOQ store on the same pool (the task tools need nothing JPA-specific), and so do turn leases
 * (a coordination table, not an entity of the host's model) and the tool-call audit (an append-only
 * log, not an entity of the host's model either).
 */
public final class JpaStores {

    /** The entity classes a host's persistence unit must manage for {@link #open(EntityManagerFactory, DataSource)}. */
    public static final List<Class<?>> ENTITY_CLASSES = List.of(ConversationEntity.class, MessageEntity.class,
            ToolCallEntity.class);

    private JpaStores() {
    }

    /** Opens the pool, migrates and validates; throws {@code StoreUnavailableException} when the database cannot be reached. */
    public static Stores open(StoreSettings settings) {
        Database database = Database.open(settings);
        try {
            SessionFactory sessions = sessionFactory(database);
            return new GuardedStores(database,
                    new JpaConversationRepository(sessions),
                    new JpaMessageRepository(sessions, new JooqMessageSearch(JooqStores.dsl(database))),
                    new JooqTaskRepository(JooqStores.dsl(database)),
                    new JooqTurnLeases(JooqStores.dsl(database)),
                    new JooqToolCallAudit(JooqStores.dsl(database)),
                    sessions::close);
        } catch (RuntimeException e) {
            database.close();
            throw SqlFailures.translate(e);
        }
    }

    /**
     * The stores on a host application's own JPA setup: its {@code EntityManagerFactory} (Hibernate,
     * with {@link #ENTITY_CLASSES} among its managed classes) and the {@code DataSource} under it, which
     * Flyway migrates first. The host keeps owning both: closing the stores leaves them open.
     */
    public static Stores open(EntityManagerFactory entityManagers, DataSource dataSource) {
        Database database = Database.hosted(dataSource);
        SessionFactory sessions = entityManagers.unwrap(SessionFactory.class);
        return new GuardedStores(database,
                new JpaConversationRepository(sessions),
                new JpaMessageRepository(sessions, new JooqMessageSearch(JooqStores.dsl(database))),
                new JooqTaskRepository(JooqStores.dsl(database)),
                new JooqTurnLeases(JooqStores.dsl(database)),
                new JooqToolCallAudit(JooqStores.dsl(database)),
                () -> { });
    }

    private static SessionFactory sessionFactory(Database database) {
        return new HibernatePersistenceConfiguration("confab")
                .managedClasses(ENTITY_CLASSES)
                .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
                .property(BatchSettings.STATEMENT_BATCH_SIZE, 20)
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
    }
}
