package io.confab.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ErrorCode;
import io.confab.domain.UserId;
import io.confab.json.JacksonMappers;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the route families of other packages (the AI SDK's, …) share with this adapter: the
 * authenticated caller, request bodies read into records, problem answers, and a turn streamed
 * as SSE in their own frames. Created by {@link RestApi}; one per API.
 */
public final class RouteSupport {

    private static final ObjectMapper RECORDS = JacksonMappers.create()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RestSettings settings;
    private final HttpMetrics metrics;

    RouteSupport(RestSettings settings, HttpMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** The user the request's token names (every {@code /api/*} route is authenticated). */
    public static UserId user(Context ctx) {
        return Authentication.user(ctx);
    }

    /**
     * The JSON object body read into {@code type}, unknown members ignored: 415 when it is not
     * JSON, 400 {@code malformed_json} when it is not an object, 400 {@code bad_request} naming the
     * member when a member has the wrong shape (never the record's class name).
     */
    public static <T> T body(Context ctx, Class<T> type) {
        Body body = Json.body(ctx);
        try {
            return RECORDS.treeToValue(body.node(), type);
        } catch (JsonMappingException e) {
            throw badRequest(ErrorCode.INVALID_REQUEST, "The body does not have the expected shape at "
                    + path(e) + ".");
        } catch (IOException e) {
            throw badRequest(ErrorCode.MALFORMED_JSON, "The body is not valid JSON.");
        }
    }

    /** A 400 problem to throw. */
    public static RuntimeException badRequest(ErrorCode code, String detail) {
        return Problem.badRequest(code, detail).toException();
    }

    /**
     * Starts a turn with a listener that streams its events as SSE in {@code frames}, and writes
     * the stream on this thread until the turn ends or the client leaves (the turn goes on); a turn
     * that does not start is a problem answer (404, 429, 409).
     */
    public void streamTurn(Context ctx, Function<TurnListener, TurnStart> start, TurnFrames frames) {
        SseStream stream = new SseStream(frames);
        switch (start.apply(stream)) {
            case TurnStart.Started ignored -> stream.pump(ctx, settings.sseHeartbeat(), metrics);
            case TurnStart.NotFound ignored -> throw Problem.notFound("No such conversation.").toException();
            case TurnStart.RateLimited limited -> throw TurnAnswers.rateLimited(limited.retryAfter()).toException();
            case TurnStart.InProgress running -> throw TurnAnswers.turnInProgress(running.turn()).toException();
        }
    }

    /** Where in the body a mapping failed, as {@code messages[0].parts}. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "its top level" : path.substring(path.startsWith(".") ? 1 : 0);
    }
}
