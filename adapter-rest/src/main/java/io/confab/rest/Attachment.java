package io.confab.rest;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download written straight to the response as it is produced (chunked, never whole in memory):
 * the headers first, then the body. A failure before anything was sent is still a problem+json; one
 * after leaves the body cut short, unfinished (logged with the correlation id), as the status is
 * already out. The body flushes nothing itself, so only a full buffer commits the response.
 */
final class Attachment {

    private static final Logger LOG = LoggerFactory.getLogger(Attachment.class);

    /** Writes the body to the response's stream. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private Attachment() {
    }

    static void send(Context ctx, String contentType, String filename, Body body) {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        try {
            OutputStream out = response.getOutputStream();
            body.writeTo(out);
            out.flush();
        } catch (IOException | UncheckedIOException clientGone) {
            LOG.info("download {} ended early: the client went away ({})", filename, clientGone.getMessage());
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setHeader("Content-Disposition", null);
                throw e;
            }
            LOG.warn("download {} cut short after it began", filename, e);
        }
    }
}
