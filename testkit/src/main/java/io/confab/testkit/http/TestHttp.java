package io.confab.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for tests: JSON in, JSON out, a bearer token per request. */
public final class TestHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String CONVERSATIONS = "/api/v1/chat/conversations";

    public final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    public TestHttp(URI base) {
        this.base = base;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /**
     * Sends the request. A GET that finds its pooled connection closed under it (the server closes
     * one after refusing an oversized body, say) is sent once more on a new one, as any HTTP client
     * may do with an idempotent request; so is any request the closed connection left wholly
     * unanswered.
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            try {
                return client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!built.method().equals("GET") && !unanswered(e)) {
                    throw e;
                }
                return client.send(built, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The connection ended before a single byte of an answer: the server had closed it before it
     * read the request, so any request may go again (the JDK client says so in these words).
     */
    private static boolean unanswered(IOException e) {
        return String.valueOf(e.getMessage()).contains("header parser received no bytes");
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    public HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** Creates a conversation and returns its id. */
    public String createConversation(String token, String title) {
        HttpResponse<String> response = post(CONVERSATIONS, token, JSON.createObjectNode().put("title", title).toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).path("id").asText();
    }
}
