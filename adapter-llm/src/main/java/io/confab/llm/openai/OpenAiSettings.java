package io.confab.llm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible endpoint. {@code temperature} and {@code maxTokens} may be
 * {@code null} (the provider's default). {@code readTimeout} bounds the silence before the first
 * byte and between two chunks; {@code requestTimeout} bounds one whole call: every attempt, the
 * back-off between them and the streaming of the reply.
 * The API key never appears in {@link #toString()}.
 */
public record OpenAiSettings(String baseUrl, String apiKey, String model, Double temperature, Integer maxTokens,
                             Duration requestTimeout, Duration connectTimeout, Duration readTimeout,
                             int maxRetries) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    public OpenAiSettings {
        baseUrl = normalized(baseUrl);
        Objects.requireNonNull(apiKey, "apiKey");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
        positive("requestTimeout", requestTimeout);
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
        }
    }

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RETRIES = 2;

    /**
     * Settings with defaults: provider temperature and token limit, 60 s per call (retries
     * included), 10 s to connect, 30 s of silence at most, 2 retries.
     */
    public static OpenAiSettings of(String baseUrl, String apiKey, String model) {
        return new OpenAiSettings(baseUrl, apiKey, model, null, null,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RETRIES);
    }

    public OpenAiSettings withTemperature(Double value) {
        return new OpenAiSettings(baseUrl, apiKey, model, value, maxTokens, requestTimeout, connectTimeout,
                readTimeout, maxRetries);
    }

    public OpenAiSettings withMaxTokens(Integer value) {
        return new OpenAiSettings(baseUrl, apiKey, model, temperature, value, requestTimeout, connectTimeout,
                readTimeout, maxRetries);
    }

    public OpenAiSettings withTimeouts(Duration request, Duration connect, Duration read) {
        return new OpenAiSettings(baseUrl, apiKey, model, temperature, maxTokens, request, connect, read, maxRetries);
    }

    public OpenAiSettings withMaxRetries(int value) {
        return new OpenAiSettings(baseUrl, apiKey, model, temperature, maxTokens, requestTimeout, connectTimeout,
                readTimeout, value);
    }

    /** OpenAI itself wants {@code max_completion_tokens}; compatible servers know {@code max_tokens}. */
    boolean isOpenAi() {
        return URI.create(baseUrl).getHost().equalsIgnoreCase("api.openai.com");
    }

    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "***")
                + ", model=" + model + ", temperature=" + temperature + ", maxTokens=" + maxTokens
                + ", requestTimeout=" + requestTimeout + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + "]";
    }

    private static String normalized(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, got " + baseUrl);
        }
        return trimmed;
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
