package io.confab.persistence;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.Stores;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.StoreUnavailableException;
import io.confab.testkit.Await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A PostgreSQL server stopped under a running store: operations fail with the typed error and
 * write nothing; once the server is back the same store works again. Always an embedded server
 * of its own (one data directory for the class, restarted as needed), since the tests stop it.
 */
@ParameterizedClass
@EnumSource(value = Backend.class, names = {"JOOQ_POSTGRES", "JPA_POSTGRES"})
class StoreUnavailableTest {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @Parameter
    Backend backend;

    @TempDir
    static Path dataDirectory;

    private static EmbeddedPostgres server;
    private static int port;
    private final UserId alice = newUser();

    @BeforeAll
    static void initialiseServer() throws IOException {
        server = start(0);
        port = server.getPort();
    }

    @BeforeEach
    void startServerIfStopped() throws IOException {
        if (server == null) {
            server = start(port);
        }
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Test
    void whileTheDatabaseIsDown_theAvailabilityCheckAnswersWellUnderASecond_thoughConnectionsWaitThreeSeconds() throws IOException {
        try (Stores stores = backend.open(settings().withConnectionTimeout(StoreSettings.DEFAULT_CONNECTION_TIMEOUT))) {
            assertThat(stores.isAvailable()).isTrue();

            stopServer();

            for (int probe = 0; probe < 2; probe++) {
                long started = System.nanoTime();
                assertThat(stores.isAvailable()).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
            }
        }
    }

    @Test
    void whileTheDatabaseIsDown_operationsFailAsStoreUnavailable_writeNothing_andWorkAgainWhenItIsBack() throws IOException {
        try (Stores stores = backend.open(settings())) {
            Conversation conversation = conversation(alice, "chat", at(0));
            stores.conversations().insert(conversation);
            Message first = Turns.userMessage(conversation, "first", 10, "key-1");
            stores.messages().append(alice, first);
            Message question = Turns.userMessage(conversation, "second", 20, "key-2");

            stopServer();

            assertThatThrownBy(() -> stores.messages().append(alice, question))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> stores.conversations().find(alice, conversation.id()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(stores.isAvailable()).isFalse();

            server = start(port);

            Await.until("the store to be available", RECOVERY, stores::isAvailable);
            Conversation afterOutage = Await.value("a read to succeed", RECOVERY,
                    () -> readOrNull(() -> stores.conversations().find(alice, conversation.id()).orElseThrow()));
            assertThat(afterOutage.messageCount()).isEqualTo(1);
            assertThat(stores.messages().latest(alice, conversation.id(), 10).orElseThrow()).containsExactly(first);
            assertThat(stores.messages().append(alice, question)).isInstanceOfSatisfying(AppendResult.Appended.class,
                    appended -> assertThat(appended.conversation().messageCount()).isEqualTo(2));
            assertThat(stores.conversations().find(alice, conversation.id()).orElseThrow().messageCount()).isEqualTo(2);
        }
    }

    @Test
    void opening_whenTheDatabaseIsDown_failsAsStoreUnavailable() throws IOException {
        stopServer();

        assertThatThrownBy(() -> backend.open(settings())).isInstanceOf(StoreUnavailableException.class);
    }

    private StoreSettings settings() {
        return StoreSettings.of("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres", "", "")
                .withPoolSize(2)
                .withConnectionTimeout(CONNECTION_TIMEOUT);
    }

    /** Starts the server on the test's data directory (keeping its data), on {@code port} or any free one. */
    private static EmbeddedPostgres start(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        return (port == 0 ? builder : builder.setPort(port)).start();
    }

    private static <T> T readOrNull(Supplier<T> read) {
        try {
            return read.get();
        } catch (StoreUnavailableException e) {
            return null;
        }
    }
}
