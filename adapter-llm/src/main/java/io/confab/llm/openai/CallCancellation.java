package io.confab.llm.openai;

import com.openai.core.Sleeper;
import io.confab.domain.Cancellation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ties one model call's {@link Cancellation} to the HTTP calls openai-java makes for it. openai-java
 * closes a stream only by reading it out, so instead the transport registers each attempt's abort
 * (which closes the socket at once, even mid-read), and the retry sleeper wakes up on cancel. Both
 * run on the calling thread of the blocking client, hence the thread-local scope.
 */
final class CallCancellation {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();


    /** Retry back-off that ends early when the current scope is cancelled. */
    static final Sleeper SLEEPER = new Sleeper() {
        @Override
        public void sleep(Duration duration) {
            Scope scope = CURRENT.get();
            try {
                if (scope == null) {
                    Thread.sleep(duration);
                } else {
                    scope.cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public CompletableFuture<Void> sleepAsync(Duration duration) {
            return new CompletableFuture<Void>().completeOnTimeout(null, duration.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
        }
    };

    private CallCancellation() {
    }

    /**
     * Runs {@code abort} (of one HTTP attempt) when the current scope is cancelled, at once when it
     * already is, so an attempt after cancel fails before it sends anything; nothing outside a scope.
     */
    static void onCancel(Runnable abort) {
        Scope scope = CURRENT.get();
        if (scope != null) {
            scope.cancellation.onCancel(abort);
        }
    }

    /** Binds {@code cancellation} to the HTTP calls made on this thread until the scope closes. */
    static Scope enter(Cancellation cancellation) {
        Scope scope = new Scope(cancellation);
        cancellation.onCancel(scope.cancelled::countDown);
        CURRENT.set(scope);
        return scope;
    }

    /** The binding of one cancellation to the current thread. */
    static final class Scope implements AutoCloseable {

        private final Cancellation cancellation;
        private final CountDownLatch cancelled = new CountDownLatch(1);

        private Scope(Cancellation cancellation) {
            this.cancellation = cancellation;
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
