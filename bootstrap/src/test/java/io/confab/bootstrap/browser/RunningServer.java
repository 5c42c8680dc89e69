package io.confab.bootstrap.browser;

import io.confab.bootstrap.ConfabConfig;
import io.confab.bootstrap.ConfabServer;
import io.confab.domain.port.ChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Confab server for one test class: the real server on a random port, with a fresh H2 database
 * in a temporary directory and development sign-in; the configured (offline) model unless a test
 * class brings its own.
 */
final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private final Optional<ChatModel> model;
    private final Map<String, String> settings;
    private ConfabServer server;
    private Path dataDir;

    private RunningServer(Optional<ChatModel> model, Map<String, String> settings) {
        this.model = model;
        this.settings = settings;
    }

    static RunningServer withConfiguredModel() {
        return new RunningServer(Optional.empty(), Map.of());
    }

    /** The configured (offline) model, with these settings added. */
    static RunningServer withConfiguredModel(Map<String, String> settings) {
        return new RunningServer(Optional.empty(), settings);
    }

    static RunningServer withModel(ChatModel model) {
        return new RunningServer(Optional.of(model), Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Chromium.assumeInstalled();
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dataDir = Files.createTempDirectory(tmp, "confab-browser-");
        Map<String, String> values = new HashMap<>(settings);
        values.putAll(Map.of(
                "CONFAB_HOST", "127.0.0.1",
                "CONFAB_PORT", "0",
                "CONFAB_DATA_DIR", dataDir.toString(),
                "CONFAB_SHUTDOWN_GRACE_SECONDS", "1"));
        ConfabConfig config = ConfabConfig.of(values);
        server = model.map(chosen -> ConfabServer.start(config, chosen)).orElseGet(() -> ConfabServer.start(config));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
        if (dataDir != null) {
            deleteRecursively(dataDir);
        }
    }

    URI home() {
        return server.uri().resolve("/");
    }

    /** Where the browsers of this class keep their profiles. */
    Path profiles() {
        return dataDir.resolve("profiles");
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
