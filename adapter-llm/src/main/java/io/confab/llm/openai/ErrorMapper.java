package io.confab.llm.openai;

import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.ChatModelException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Turns openai-java's failures into {@link ChatModelException}s. The message is for end users and
 * says what happened and what to check, without the endpoint's URL, the provider's own words or a
 * class name (SPEC §18); the detail, for the log, has all three. Neither shows the API key.
 */
final class ErrorMapper {

    private static final Pattern KEY_LIKE = Pattern.compile("(sk|key|AIza)[-_A-Za-z0-9*]{8,}");
    private static final int MAX_DETAIL = 300;

    private final OpenAiSettings settings;

    ErrorMapper(OpenAiSettings settings) {
        this.settings = settings;
    }

    ChatModelException map(RuntimeException failure) {
        if (failure instanceof SseException || failure instanceof SseChunks.ErrorFrame) {
            return failed(Kind.UNAVAILABLE, "broke off the reply", failure);
        }
        if (failure instanceof OpenAIServiceException service) {
            return fromStatus(service);
        }
        Throwable cause = rootIoCause(failure);
        return switch (cause) {
            case ConnectTimeoutException ignored -> failed(Kind.TIMEOUT,
                    "could not be reached within " + seconds(settings.connectTimeout()), failure);
            case SocketTimeoutException ignored -> failed(Kind.TIMEOUT,
                    "sent nothing for " + seconds(settings.readTimeout()), failure);
            case InterruptedIOException ignored -> deadlinePassed(failure);
            case UnknownHostException ignored -> failed(Kind.MISCONFIGURED,
                    "cannot be found (unknown host): check OPENAI_BASE_URL", failure);
            case ConnectException ignored -> failed(Kind.UNAVAILABLE,
                    "refused the connection" + afterRetries(), failure);
            case null -> failed(Kind.UNAVAILABLE, "sent a reply that could not be read", failure);
            default -> failed(Kind.UNAVAILABLE, "lost the connection", failure);
        };
    }

    /** The call's total time ran out, whatever it was doing then (waiting, retrying or streaming). */
    ChatModelException deadlinePassed(Throwable cause) {
        return failed(Kind.TIMEOUT, "did not finish within " + seconds(settings.requestTimeout()), cause);
    }

    /** The stream ended without a finish reason: the reply is cut short. */
    ChatModelException endedEarly() {
        return failed(Kind.UNAVAILABLE, "ended the reply before it was complete", null);
    }

    private ChatModelException fromStatus(OpenAIServiceException failure) {
        int status = failure.statusCode();
        String http = " (HTTP " + status + ")";
        String model = "model '" + settings.model() + "'";
        return switch (status) {
            case 401 -> failed(Kind.MISCONFIGURED, "rejected the API key" + http + ": check OPENAI_API_KEY",
                    failure);
            case 403 -> failed(Kind.MISCONFIGURED, "refused access to " + model + http
                    + ": check the API key's permissions", failure);
            case 404 -> failed(Kind.MISCONFIGURED, "does not know " + model + " or this path" + http
                    + ": check CONFAB_MODEL and OPENAI_BASE_URL", failure);
            case 400, 422 -> failed(Kind.MISCONFIGURED, "rejected the request for " + model + http, failure);
            case 429 -> failed(Kind.UNAVAILABLE, "is rate limiting requests" + http + afterRetries(), failure);
            default -> failed(Kind.UNAVAILABLE, "failed" + http + afterRetries(), failure);
        };
    }

    /**
     * "The model provider {@code what}." for the user (with "Try again later." when trying again may
     * help); the endpoint, the model and the cause (the provider's own words for an HTTP error) for the log.
     */
    private ChatModelException failed(Kind kind, String what, Throwable cause) {
        String message = "The model provider " + what + "." + (kind == Kind.MISCONFIGURED ? "" : " Try again later.");
        String detail = settings.baseUrl() + " (model '" + settings.model() + "') " + what + describe(cause);
        return new ChatModelException(kind, message, detail, cause);
    }

    private String afterRetries() {
        int retries = settings.maxRetries();
        return retries == 0 ? "" : "; gave up after " + retries + (retries == 1 ? " retry" : " retries");
    }

    /**
     * " [class: message]" of the I/O failure underneath, else of the failure itself (whose message
     * is then the provider's own words), cut short and without anything that looks like a key.
     */
    private String describe(Throwable failure) {
        if (failure == null) {
            return "";
        }
        Throwable shown = rootIoCause(failure) != null ? rootIoCause(failure) : failure;
        String message = masked(shown.getMessage());
        return " [" + shown.getClass().getName() + (message.isEmpty() ? "" : ": " + message) + "]";
    }

    private String masked(String text) {
        String message = text == null ? "" : text;
        if (!settings.apiKey().isEmpty()) {
            message = message.replace(settings.apiKey(), "***");
        }
        message = KEY_LIKE.matcher(message).replaceAll("***").replaceAll("[\\r\\n]+", " ").strip();
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }

    private static Throwable rootIoCause(Throwable failure) {
        Throwable io = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException) {
                io = t;
                if (t instanceof InterruptedIOException || t instanceof UnknownHostException || t instanceof ConnectException) {
                    return t;
                }
            }
        }
        return io;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
