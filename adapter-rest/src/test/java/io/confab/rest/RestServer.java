package io.confab.rest;

import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.TestHttp;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/** Javalin with the REST API on a random port, and an HTTP client to call it, for tests. */
final class RestServer implements AutoCloseable {

    final Javalin app;
    final TestHttp http;
    final HttpClient client;

    private RestServer(Javalin app) {
        this.app = app;
        this.http = new TestHttp(URI.create("http://127.0.0.1:" + app.port()));
        this.client = http.client;
    }

    static RestServer start(Stubs stubs, Consumer<RestApi.Builder> customize) {
        return start(stubs.useCases(), customize);
    }

    static RestServer start(RestUseCases useCases, Consumer<RestApi.Builder> customize) {
        RestApi.Builder builder = RestApi.builder()
                .useCases(useCases)
                .tokenVerifier(JwtVerifier.hmac(TestTokens.SECRET, JwtVerifier.Expectations.none(java.time.Clock.systemUTC())))
                .registry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .eventBus(new io.confab.application.memory.InMemoryEventBus());
        customize.accept(builder);
        RestApi api = builder.build();
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            api.register(config);
        });
        app.start("127.0.0.1", 0);
        return new RestServer(app);
    }

    URI uri(String path) {
        return http.uri(path);
    }

    /** A request to {@code path} with a token for {@code user} (none when null). */
    HttpRequest.Builder request(String path, String user) {
        return http.request(path, user == null ? null : TestTokens.hs256(user));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return http.send(request);
    }

    HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET());
    }

    HttpResponse<String> postJson(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Override
    public void close() {
        app.stop();
    }
}
