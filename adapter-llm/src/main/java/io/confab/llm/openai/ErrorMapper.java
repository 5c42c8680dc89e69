package io.confab.llm.openai;

import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.ChatModelException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Turns openai-java's failures into {@link ChatModelException}s with a message a person can act
 * on. Messages name the endpoint and the model, never the API key.
 */
final class ErrorMapper {

    private static final Pattern KEY_LIKE = Pattern.compile("(sk|key|AIza)[-_A-Za-z0-9*]{8,}");
    private static final int MAX_DETAIL = 300;

    private final OpenAiSettings settings;

    ErrorMapper(OpenAiSettings settings) {
        this.settings = settings;
    }

    ChatModelException map(RuntimeException failure) {
        String endpoint = "The model provider at " + settings.baseUrl();
        if (failure instanceof SseException sse) {
            return new ChatModelException(Kind.UNAVAILABLE,
                    endpoint + " broke off the reply: " + detail(sse), failure);
        }
        if (failure instanceof OpenAIServiceException service) {
            return fromStatus(endpoint, service);
        }
        Throwable cause = rootIoCause(failure);
        return switch (cause) {
            case SocketTimeoutException timeout when isConnect(timeout) -> new ChatModelException(Kind.TIMEOUT,
                    endpoint + " could not be reached within " + seconds(settings.connectTimeout().toMillis()), failure);
            case SocketTimeoutException ignored -> new ChatModelException(Kind.TIMEOUT,
                    endpoint + " sent nothing for " + seconds(settings.readTimeout().toMillis()), failure);
            case InterruptedIOException ignored -> new ChatModelException(Kind.TIMEOUT,
                    endpoint + " did not finish within " + seconds(settings.requestTimeout().toMillis()), failure);
            case UnknownHostException ignored -> new ChatModelException(Kind.MISCONFIGURED,
                    endpoint + " cannot be found (unknown host): check OPENAI_BASE_URL", failure);
            case ConnectException ignored -> new ChatModelException(Kind.UNAVAILABLE,
                    endpoint + " refused the connection" + afterRetries(), failure);
            case null -> new ChatModelException(Kind.UNAVAILABLE,
                    endpoint + " sent a reply that could not be read", failure);
            default -> new ChatModelException(Kind.UNAVAILABLE,
                    endpoint + " lost the connection (" + cause.getClass().getSimpleName() + ")", failure);
        };
    }

    /** The stream ended without a finish reason: the reply is cut short. */
    ChatModelException endedEarly() {
        return new ChatModelException(Kind.UNAVAILABLE,
                "The model provider at " + settings.baseUrl() + " ended the reply before it was complete");
    }

    private ChatModelException fromStatus(String endpoint, OpenAIServiceException failure) {
        int status = failure.statusCode();
        String http = " (HTTP " + status + ")";
        return switch (status) {
            case 401 -> new ChatModelException(Kind.MISCONFIGURED,
                    endpoint + " rejected the API key" + http + ": check OPENAI_API_KEY", failure);
            case 403 -> new ChatModelException(Kind.MISCONFIGURED,
                    endpoint + " refused access to model '" + settings.model() + "'" + http
                            + ": check the API key's permissions", failure);
            case 404 -> new ChatModelException(Kind.MISCONFIGURED,
                    endpoint + " does not know model '" + settings.model() + "' or this path" + http
                            + ": check CONFAB_MODEL and OPENAI_BASE_URL. " + detail(failure), failure);
            case 400, 422 -> new ChatModelException(Kind.MISCONFIGURED,
                    endpoint + " rejected the request for model '" + settings.model() + "'" + http + ": "
                            + detail(failure), failure);
            case 429 -> new ChatModelException(Kind.UNAVAILABLE,
                    endpoint + " is rate limiting requests" + http + afterRetries(), failure);
            default -> new ChatModelException(Kind.UNAVAILABLE,
                    endpoint + " failed" + http + afterRetries(), failure);
        };
    }

    private String afterRetries() {
        int retries = settings.maxRetries();
        return retries == 0 ? "" : "; gave up after " + retries + (retries == 1 ? " retry" : " retries");
    }

    /** The provider's own words, without anything that looks like a key. */
    private String detail(RuntimeException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (!settings.apiKey().isEmpty()) {
            message = message.replace(settings.apiKey(), "***");
        }
        message = KEY_LIKE.matcher(message).replaceAll("***").strip();
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }

    private static boolean isConnect(SocketTimeoutException timeout) {
        return timeout.getMessage() != null && timeout.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect");
    }

    private static Throwable rootIoCause(Throwable failure) {
        Throwable io = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                io = t;
                if (t instanceof InterruptedIOException || t instanceof UnknownHostException || t instanceof ConnectException) {
                    return t;
                }
            }
        }
        return io;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
