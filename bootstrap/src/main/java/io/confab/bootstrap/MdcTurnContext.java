package io.confab.bootstrap;

import io.confab.application.TurnContext;
import java.util.Map;
import org.slf4j.MDC;

/** Carries the starting request's logging MDC (its correlation id) onto the turn's thread, so the turn's log lines name it. */
final class MdcTurnContext implements TurnContext {

    @Override
    public Runnable carry(Runnable turn) {
        Map<String, String> request = MDC.getCopyOfContextMap();
        return () -> {
            if (request != null) {
                MDC.setContextMap(request);
            }
            try {
                turn.run();
            } finally {
                MDC.clear();
            }
        };
    }
}
