package io.confab.rest;

/**
 * One dependency that {@code GET /health/ready} checks (the database, Redis, …). Returns normally
 * when it is usable, throws when not; must answer within a second or two on its own.
 */
@FunctionalInterface
public interface ReadinessCheck {

    void check() throws Exception;
}
