package io.confab.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.confab.application.Stores;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCallAudit;
import io.confab.domain.port.TurnLeases;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Stores opened the way a host application opens them (SPEC §19): on the host's own pool, or its
 * own {@code EntityManagerFactory}, which the host closes itself after the stores.
 */
final class HostApplication {

    private HostApplication() {
    }

    static Stores jooq(StoreSettings settings) {
        HikariDataSource pool = pool(settings);
        return closingAfterwards(JooqStores.open(pool), pool::close);
    }

    static Stores jpa(StoreSettings settings) {
        HikariDataSource pool = pool(settings);
        EntityManagerFactory entityManagers = new HibernatePersistenceConfiguration("host")
                .managedClasses(JpaStores.ENTITY_CLASSES)
                .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .createEntityManagerFactory();
        return closingAfterwards(JpaStores.open(entityManagers, pool), () -> {
            entityManagers.close();
            pool.close();
        });
    }

    static HikariDataSource pool(StoreSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("host-app");
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(4);
        return pool;
    }

    /** {@code stores}, whose close also closes what the host opened for them. */
    private static Stores closingAfterwards(Stores stores, Runnable hostClose) {
        return new Stores() {
            @Override
            public ConversationRepository conversations() {
                return stores.conversations();
            }

            @Override
            public MessageRepository messages() {
                return stores.messages();
            }

            @Override
            public TaskRepository tasks() {
                return stores.tasks();
            }

            @Override
            public TurnLeases leases() {
                return stores.leases();
            }

            @Override
            public ToolCallAudit toolCalls() {
                return stores.toolCalls();
            }

            @Override
            public boolean isAvailable() {
                return stores.isAvailable();
            }

            @Override
            public void close() {
                stores.close();
                hostClose.run();
            }
        };
    }
}
