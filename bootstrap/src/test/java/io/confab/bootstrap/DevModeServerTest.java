package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.testkit.Await;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedChatModel.Reply;
import io.confab.testkit.ScriptedReplies;
import io.confab.testkit.http.SseClient;
import io.confab.testkit.http.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup server: development sign-in, and what a stop does to a turn that runs on. */
class DevModeServerTest {

    @TempDir
    Path dataDir;

    private final ScriptedChatModel model = ScriptedReplies.model();
    private ConfabServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private TestHttp start() {
        server = ConfabServer.start(ConfabConfig.of(Map.of(
                "CONFAB_PORT", "0", "CONFAB_DATA_DIR", dataDir.toString(), "CONFAB_SHUTDOWN_GRACE_SECONDS", "1")), model);
        return new TestHttp(server.uri());
    }

    private static String devToken(TestHttp api, String user) {
        var response = api.post("/api/v1/auth/dev-token", null, "{\"user_id\":\"" + user + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).path("access_token").asText();
    }

    @Test
    void devToken_signsIn_andItsSecretIsKeptOwnerOnly_acrossRestarts() throws Exception {
        TestHttp api = start();
        String token = devToken(api, "dana");
        api.createConversation(token, "hello");

        server.stop();
        api = start();

        assertThat(json(api.get(CONVERSATIONS, token)).path("total").asInt()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("dev-jwt.secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void devToken_withoutAUserId_is422() {
        TestHttp api = start();

        assertThat(api.post("/api/v1/auth/dev-token", null, "{}").statusCode()).isEqualTo(422);
    }

    @Test
    void devToken_forAUserIdWithControlCharacters_is422_soNoLogLineCanBeForged() {
        TestHttp api = start();

        var response = api.post("/api/v1/auth/dev-token", null, "{\"user_id\":\"eve\\r\\nINFO admin signed in\"}");

        ServerContract.assertValidationError(response, "user_id");
    }

    @Test
    void aStop_interruptsTheTurnsThatOutliveTheGrace_andStoresThem() throws Exception {
        model.then(Reply.text("Working").thenHangUntilCancelled(new CountDownLatch(1)));
        TestHttp api = start();
        String token = devToken(api, "erin");
        String one = CONVERSATIONS + "/" + api.createConversation(token, "long");
        SseClient stream = SseClient.open(api, api.request(one + "/stream?message=wait%20forever", token));
        Await.until("the message to be stored", Duration.ofSeconds(10), () -> json(api.get(one + "/messages", token)).path("items").size() == 1);

        server.stop();
        server = null;

        // the stop may close the connection right after the last event: read events, not a whole body
        assertThat(stream.untilTerminal().getLast().path("type").asText()).isEqualTo("cancelled");
        TestHttp restarted = start();
        JsonNode reply = json(restarted.get(one + "/messages", token)).path("items").get(1);
        assertThat(reply.path("status").asText()).isEqualTo("interrupted");
    }
}
