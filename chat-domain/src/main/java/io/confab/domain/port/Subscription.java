package io.confab.domain.port;

/** A registration that ends when closed. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
