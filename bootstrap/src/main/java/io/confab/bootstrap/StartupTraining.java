package io.confab.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.json.JacksonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind {@code confab.aot}, the JDK's ahead-of-time cache that the build writes
 * beside the jar ({@code java -XX:AOTCacheOutput=… -cp confab.jar io.confab.bootstrap.StartupTraining}):
 * starts the server on its defaults in a throw-away data directory, walks the first requests a user
 * makes (dev token, new conversation, a turn through the offline assistant, history), stops, exits.
 * Every class it loads and links is then ready at the next start.
 */
public final class StartupTraining {

    private static final ObjectMapper JSON = JacksonMappers.create();

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("confab-training");
        try (ConfabServer server = ConfabServer.start(ConfabConfig.of(Map.of(
                "CONFAB_PORT", "0",
                "CONFAB_DATA_DIR", data.toString())))) {
            walk(server.uri());
        } finally {
            delete(data);
        }
    }

    private static void walk(URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        send(http, HttpRequest.newBuilder(base.resolve("/health/ready")).GET());
        String token = send(http, post(base, "/api/v1/auth/dev-token", null, "{\"user_id\":\"training\"}"))
                .get("access_token").asText();
        String conversation = send(http, post(base, "/api/v1/chat/conversations", token, "{\"title\":\"Training\"}"))
                .get("id").asText();
        String messages = "/api/v1/chat/conversations/" + conversation + "/messages";
        send(http, post(base, messages, token, "{\"message\":\"add a task to buy milk\"}"));
        send(http, authorized(HttpRequest.newBuilder(base.resolve(messages)), token).GET());
        send(http, authorized(HttpRequest.newBuilder(base.resolve("/api/v1/chat/conversations")), token).GET());
    }

    private static HttpRequest.Builder post(URI base, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? request : authorized(request, token);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    /** Sends the request and reads its JSON answer; any status but 2xx fails the training (and the build). */
    private static JsonNode send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
