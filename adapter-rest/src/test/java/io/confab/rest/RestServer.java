package io.confab.rest;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/** Javalin with the REST API on a random port, and an HTTP client to call it, for tests. */
final class RestServer implements AutoCloseable {

    final Javalin app;
    final HttpClient client = HttpClient.newHttpClient();

    private RestServer(Javalin app) {
        this.app = app;
    }

    static RestServer start(Stubs stubs, Consumer<RestApi.Builder> customize) {
        return start(stubs.useCases(), customize);
    }

    static RestServer start(RestUseCases useCases, Consumer<RestApi.Builder> customize) {
        RestApi.Builder builder = RestApi.builder()
                .useCases(useCases)
                .tokenVerifier(JwtVerifier.hmac(TestTokens.SECRET, JwtVerifier.Expectations.none(java.time.Clock.systemUTC())))
                .registry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
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
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        return user == null ? builder : builder.header("Authorization", "Bearer " + TestTokens.hs256(user));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
