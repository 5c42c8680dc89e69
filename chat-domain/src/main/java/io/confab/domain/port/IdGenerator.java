package io.confab.domain.port;

import java.util.UUID;

/** Makes new ids; time-ordered in production (UUIDv7), scripted in tests. */
@FunctionalInterface
public interface IdGenerator {

    UUID next();
}
