package io.confab.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.json.JacksonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The training run behind {@code confab.aot}, the JDK's ahead-of-time cache that the build writes
 * beside the jar ({@code java -XX:AOTCacheOutput=… -cp confab.jar io.confab.bootstrap.StartupTraining}):
 * starts the server on its defaults in a throw-away data directory, walks the first requests a user
 * makes (dev token, new conversation, a turn through the offline assistant, history), stops; then
 * the same with {@code CONFAB_MODEL_PROVIDER=openai} against a {@link TrainingModel} on loopback,
 * and exits. Every class it loads and links is then ready at the next start.
 *
 * <p>The build has no PostgreSQL server, so the training loads the classes of the PostgreSQL path
 * (the JDBC driver, Flyway's PostgreSQL support) without connecting: from the jar, one by one, at
 * the next start they come from the cache instead (docs/performance.md, "Start-up, second pass").
 */
public final class StartupTraining {

    private static final ObjectMapper JSON = JacksonMappers.create();

    private StartupTraining() {
    }

    /** Packages of the PostgreSQL path, as folders of the jar. */
    private static final List<String> POSTGRES_PATH = List.of("org/postgresql/", "org/flywaydb/database/postgresql/");

    public static void main(String[] args) throws Exception {
        loadPostgresPath();
        Path data = Files.createTempDirectory("confab-training");
        try (TrainingModel model = TrainingModel.start()) {
            Map<String, String> defaults = Map.of("CONFAB_PORT", "0", "CONFAB_DATA_DIR", data.toString());
            try (ConfabServer server = ConfabServer.start(ConfabConfig.of(defaults))) {
                walk(server.uri());
            }
            Map<String, String> openai = new HashMap<>(defaults);
            openai.putAll(Map.of("CONFAB_MODEL_PROVIDER", "openai", "OPENAI_BASE_URL", model.baseUrl(),
                    "OPENAI_API_KEY", "training"));
            try (ConfabServer server = ConfabServer.start(ConfabConfig.of(openai))) {
                walk(server.uri());
            }
        } finally {
            delete(data);
        }
    }

    /**
     * Loads every class of {@link #POSTGRES_PATH} from the jar this class came from; a class that
     * needs what the jar does not ship (the driver's optional OSGi or Windows SSPI support) is skipped.
     */
    private static void loadPostgresPath() throws IOException, URISyntaxException {
        Path jar = Path.of(StartupTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = StartupTraining.class.getClassLoader();
        try (JarFile classes = new JarFile(jar.toFile())) {
            classes.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && POSTGRES_PATH.stream().anyMatch(name::startsWith))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .forEach(name -> {
                        try {
                            Class.forName(name, false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            // not on the path a start takes
                        }
                    });
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
