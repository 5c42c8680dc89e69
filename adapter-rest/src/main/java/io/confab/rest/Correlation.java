package io.confab.rest;

import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.port.IdGenerator;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id of a request: the client's {@code X-Correlation-ID} when it looks sane, else
 * a new time-ordered one. Echoed on every response and put in the logging MDC as {@code correlation_id}.
 */
final class Correlation {

    static final String HEADER = "X-Correlation-ID";
    static final String MDC_KEY = "correlation_id";
    private static final String ATTRIBUTE = "confab.correlation_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final IdGenerator IDS = new TimeOrderedIdGenerator();

    private Correlation() {
    }

    /** A before-handler: assigns the id, sets the response header and the MDC. */
    static void assign(Context ctx) {
        String id = choose(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The client's id ({@code given}, may be null) when it looks sane, else a new one. */
    static String choose(String given) {
        return given != null && SANE.matcher(given).matches() ? given : IDS.next().toString();
    }

    static String id(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "" : id;
    }
}
