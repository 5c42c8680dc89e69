package io.confab.benchmarks.load;

import io.confab.benchmarks.persistence.BenchDatabase;
import io.confab.bootstrap.ConfabConfig;
import io.confab.bootstrap.ConfabServer;
import io.confab.json.JacksonMappers;
import io.confab.testkit.openai.FakeOpenAiServer;
import io.confab.testkit.openai.FakeReply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Confab server under load: either started here (in-process, with the fake OpenAI-compatible
 * model and a throw-away PostgreSQL database or H2 file) or a running one at {@code --url}.
 */
final class Target implements AutoCloseable {

    /**
     * What only an in-process server offers: its database (for seeding), its JVM (for memory) and
     * its settings (for more instances beside it).
     */
    record InProcess(ConfabServer server, FakeOpenAiServer fake, BenchDatabase database, Map<String, String> settings) {

        InProcess {
            settings = Map.copyOf(settings);
        }

        /**
         * Another instance on the same database, model and data directory (so it accepts the same
         * development tokens), with {@code overrides} on top; the caller stops it.
         */
        ConfabServer startAnother(Map<String, String> overrides) {
            Map<String, String> values = new HashMap<>(settings);
            values.putAll(overrides);
            return ConfabServer.start(ConfabConfig.of(values));
        }
    }

    private final String label;
    private final ConfabClient client;
    private final Optional<URI> modelUrl;
    private final Optional<InProcess> inProcess;

    private Target(String label, ConfabClient client, Optional<URI> modelUrl, Optional<InProcess> inProcess) {
        this.label = label;
        this.client = client;
        this.modelUrl = modelUrl;
        this.inProcess = inProcess;
    }

    static Target open(BenchOptions options) throws IOException {
        if (options.url().isPresent()) {
            return new Target("remote " + options.url().get(), new ConfabClient(options.url().get()), options.modelUrl(),
                    Optional.empty());
        }
        FakeOpenAiServer fake = FakeOpenAiServer.start(FakeOpenAiServer.Options.defaults()
                .withTokensPerSecond(options.tokensPerSecond())
                .withFirstTokenLatency(Duration.ofMillis(options.firstTokenMillis()))
                .withoutRecording());
        fake.onUserMessage(TtftScenario.OPEN_PROMPT, TtftScenario.openReply());
        if (options.replyMetadata().isPresent()) {
            fake.onStructuredOutput("", FakeReply.text(profileFallback(options.replyMetadata().get())));
        }
        BenchDatabase database = options.database().equals("h2") ? BenchDatabase.h2File()
                : BenchDatabase.postgres(options.pgAdminUrl(), options.pgSynchronousCommit());
        try {
            Map<String, String> settings = serverValues(database, fake);
            options.replyMetadata().ifPresent(profile -> settings.put("CONFAB_REPLY_METADATA", profile.toAbsolutePath().toString()));
            ConfabServer server = ConfabServer.start(ConfabConfig.of(settings));
            return new Target("in-process, " + database.label(), new ConfabClient(server.uri()), Optional.of(URI.create(fake.baseUrl())),
                    Optional.of(new InProcess(server, fake, database, settings)));
        } catch (RuntimeException e) {
            fake.close();
            database.close();
            throw e;
        }
    }

    /**
     * What the fake model answers every metadata call with: the profile's own fallback, which is
     * valid under its schema, so each turn pays the call and the validation but never falls back.
     */
    private static String profileFallback(Path profile) throws IOException {
        return JacksonMappers.create().readTree(Files.readString(profile)).path("fallback").toString();
    }

    private static Map<String, String> serverValues(BenchDatabase database, FakeOpenAiServer fake) throws IOException {
        Path data = Files.createTempDirectory("confab-load");
        Map<String, String> values = new HashMap<>();
        values.put("CONFAB_PORT", "0");
        values.put("CONFAB_DATA_DIR", data.toString());
        values.put("CONFAB_DB_URL", database.settings().jdbcUrl());
        values.put("CONFAB_DB_POOL_SIZE", "16");
        values.put("CONFAB_RATE_LIMIT", "100000");
        values.put("CONFAB_MODEL_PROVIDER", "openai");
        values.put("OPENAI_BASE_URL", fake.baseUrl());
        values.put("OPENAI_API_KEY", "bench");
        values.put("CONFAB_MODEL", "fake-model");
        return values;
    }

    String label() {
        return label;
    }

    ConfabClient client() {
        return client;
    }

    /** The model's base URL (ending in /v1) for the direct first-token baseline. */
    Optional<URI> modelUrl() {
        return modelUrl;
    }

    Optional<InProcess> inProcess() {
        return inProcess;
    }

    @Override
    public void close() {
        inProcess.ifPresent(local -> {
            local.server().close();
            local.fake().close();
            local.database().close();
        });
    }
}
