package io.confab.persistence;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.confab.application.Confab;
import io.confab.application.Stores;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.ListedConversation;
import io.confab.domain.Message;
import io.confab.domain.MessagePreview;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.testkit.ScriptedChatModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The round trips of the hot requests on PostgreSQL. A blocking turn is two (issue #21, five at
 * first, then three): the history window read followed, in the same text, by the user message
 * stored with the lease claimed; then the reply stored with the lease released (a
 * client_message_id adds its look-up). A page of the conversation list is one, its total and
 * newest messages included (two before). Counted as the statements prepared on the pool's
 * connections, apart from those of the lease chores' thread; the driver sends each in one go.
 */
class StatementsOnPostgresTest {

    private static final String LEASE_CHORES_THREAD = "confab-turn-leases";

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Test
    void aBlockingTurn_isTwoRoundTrips() {
        onPostgres((stores, confab) -> {
            UserId alice = newUser();
            Conversation conversation = stores.conversations().insert(conversation(alice, "a title", at(0)));
            statements.clear();

            TurnOutcome outcome = confab.sendMessage().send(
                    new SendMessageUseCase.SendMessage(alice, conversation.id(), "hello", Optional.empty()));

            assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
            assertThat(statements).hasSize(2);
            assertThat(statements.get(0)).startsWith("select ")
                    .contains(";\nwith \"lease\" as (insert into \"turn_leases\"");
            assertThat(statements.get(1)).startsWith("with \"released\" as (delete from \"turn_leases\"");
            assertThat(stores.leases().find(alice, conversation.id())).isEmpty();
        });
    }

    @Test
    void aPageOfTheConversationList_withItsTotalAndNewestMessages_isOneStatement() {
        onPostgres((stores, confab) -> {
            UserId alice = newUser();
            Conversation talked = stores.conversations().insert(conversation(alice, "talked", at(0)));
            stores.messages().append(alice, Message.fromUser(newMessageId(), talked.id(), "hello", Optional.empty(), at(1)));
            stores.conversations().insert(conversation(alice, "silent", at(2)));
            statements.clear();

            Page<ListedConversation> page = confab.listConversations().list(alice, ConversationQuery.firstPage());

            assertThat(page.items()).extracting(listed -> listed.lastMessage().map(MessagePreview::content))
                    .containsExactly(Optional.empty(), Optional.of("hello"));
            assertThat(page.total()).isEqualTo(2);
            assertThat(statements).hasSize(1);
        });
    }

    /** Runs {@code test} over the jOOQ stores of a fresh PostgreSQL database, counting their statements. */
    private void onPostgres(BiConsumer<Stores, Confab> test) {
        try (TestDatabase database = TestPostgres.freshDatabase();
             HikariDataSource pool = HostApplication.pool(database.settings());
             Stores stores = JooqStores.open(counting(pool));
             Confab confab = Confab.builder().model(new ScriptedChatModel("scripted")).stores(stores).build()) {
            test.accept(stores, confab);
        }
    }

    /** {@code pool}, recording the SQL of every statement prepared on its connections. */
    private DataSource counting(DataSource pool) {
        return proxy(DataSource.class, pool, (method, args, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, this::record) : result);
    }

    private Object record(Method method, Object[] args, Object result) {
        if (method.getName().startsWith("prepare") && !Thread.currentThread().getName().equals(LEASE_CHORES_THREAD)) {
            statements.add((String) args[0]);
        }
        return result;
    }

    private interface AfterCall {
        Object after(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return after.after(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
