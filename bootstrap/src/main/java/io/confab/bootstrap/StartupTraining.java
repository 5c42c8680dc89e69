package io.confab.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.json.JacksonMappers;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;

/**
 * The training run behind {@code confab.aot}, the JDK's ahead-of-time cache that the build writes
 * beside the jar ({@code java -XX:AOTCacheOutput=… -cp confab.jar io.confab.bootstrap.StartupTraining}):
 * starts the server on its defaults in a throw-away data directory, walks the first requests a user
 * makes (dev token, new conversation, a turn through the offline assistant, history), stops; then
 * the same with {@code CONFAB_MODEL_PROVIDER=openai} against a {@link TrainingModel} on loopback,
 * and exits. Every class it loads and links is then ready at the next start — and every class in
 * the cache is loaded at every start, so the harness itself uses only what the server uses: Apache
 * HttpClient 5 (openai's transport) as its client, Javalin as the model's server.
 *
 * <p>The build has no PostgreSQL server, so the training loads the classes a PostgreSQL start
 * loads (the JDBC driver's, Flyway's PostgreSQL support's, Confab's PostgreSQL adapters') without
 * connecting: by name, from {@value #POSTGRES_START_CLASSES} (docs/performance.md, "Start-up").
 */
public final class StartupTraining {

    private static final ObjectMapper JSON = JacksonMappers.create();
    /** The classes a PostgreSQL start loads beyond the H2 walk's, one name a line; {@code #} starts a comment. */
    private static final String POSTGRES_START_CLASSES = "postgres-start-classes.txt";

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        loadPostgresStartClasses();
        Path data = Files.createTempDirectory("confab-training");
        try (CloseableHttpClient http = client()) {
            Map<String, String> defaults = Map.of("CONFAB_PORT", "0", "CONFAB_DATA_DIR", data.toString());
            try (ConfabServer server = Main.start(ConfabConfig.of(defaults))) {
                walk(http, server.uri());
            }
            // after the first start: Main.start presets Jetty's default before Jetty's classes first load
            try (TrainingModel model = TrainingModel.start()) {
                Map<String, String> openai = new HashMap<>(defaults);
                openai.putAll(Map.of("CONFAB_MODEL_PROVIDER", "openai", "OPENAI_BASE_URL", model.baseUrl(),
                        "OPENAI_API_KEY", "training"));
                try (ConfabServer server = Main.start(ConfabConfig.of(openai))) {
                    walk(http, server.uri());
                }
            }
        } finally {
            delete(data.toFile());
        }
    }

    /**
     * Loads (without initialising) every class {@value #POSTGRES_START_CLASSES} names; a name this
     * jar does not have, or a class that does not link, is skipped: a stale list only costs start-up time.
     */
    private static void loadPostgresStartClasses() throws IOException {
        ClassLoader loader = StartupTraining.class.getClassLoader();
        for (String name : postgresStartClasses()) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this jar any more, or not on the path a start takes
            }
        }
    }

    /** The class names {@value #POSTGRES_START_CLASSES} lists. */
    static List<String> postgresStartClasses() throws IOException {
        try (InputStream in = StartupTraining.class.getResourceAsStream(POSTGRES_START_CLASSES);
                BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return names.lines().map(String::strip).filter(name -> !name.isEmpty() && !name.startsWith("#")).toList();
        }
    }

    /** A client of the kind openai's transport builds, so the walk trains nothing the server would not load. */
    private static CloseableHttpClient client() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }

    private static void walk(CloseableHttpClient http, URI base) throws IOException {
        send(http, request("GET", base, "/health/ready", null, null));
        String token = send(http, request("POST", base, "/api/v1/auth/dev-token", null, "{\"user_id\":\"training\"}"))
                .get("access_token").asText();
        String conversation = send(http, request("POST", base, "/api/v1/chat/conversations", token,
                "{\"title\":\"Training\"}")).get("id").asText();
        String messages = "/api/v1/chat/conversations/" + conversation + "/messages";
        send(http, request("POST", base, messages, token, "{\"message\":\"add a task to buy milk\"}"));
        send(http, request("GET", base, messages, token, null));
        send(http, request("GET", base, "/api/v1/chat/conversations", token, null));
    }

    /** A request to {@code path}, with the bearer {@code token} and the JSON {@code body} when not null. */
    private static HttpUriRequestBase request(String method, URI base, String path, String token, String body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, base.resolve(path));
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
        if (body != null) {
            // the type as a plain header: HttpClient's ContentType constants are a class the server never loads
            request.addHeader("Content-Type", TrainingModel.APPLICATION_JSON);
            request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
        }
        return request;
    }

    /** Sends the request and reads its JSON answer; any status but 2xx fails the training (and the build). */
    private static JsonNode send(CloseableHttpClient http, HttpUriRequestBase request) throws IOException {
        try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? new byte[0] : entity.getContent().readAllBytes();
            if (response.getCode() / 100 != 2) {
                throw new IllegalStateException(request.getPath() + " answered " + response.getCode() + ": "
                        + new String(body, StandardCharsets.UTF_8));
            }
            return JSON.readTree(body);
        }
    }

    /** Deletes {@code file} and all under it, with {@link File}: {@code Files.walk}'s tree walker is nothing the server loads. */
    private static void delete(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                delete(child);
            }
        }
        if (!file.delete()) {
            throw new UncheckedIOException(new IOException("cannot delete " + file));
        }
    }
}
