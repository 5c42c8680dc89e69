package io.confab.llm.openai;

import com.openai.core.Sleeper;
import io.confab.domain.Cancellation;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;

/**
 * Ties one model call's {@link Cancellation} to the HTTP calls openai-java makes for it. openai-java
 * closes a stream only by reading it out, so instead an OkHttp interceptor registers each attempt's
 * {@code Call.cancel()} (which closes the socket at once, even mid-read), and the retry sleeper wakes
 * up on cancel. Both run on the calling thread of the blocking client, hence the thread-local scope.
 */
final class CallCancellation {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    /** Registers every HTTP attempt with the current scope's cancellation; refuses attempts after cancel. */
    static final Interceptor INTERCEPTOR = chain -> {
        Scope scope = CURRENT.get();
        if (scope != null) {
            if (scope.cancellation.isCancelled()) {
                throw new IOException("Canceled");
            }
            scope.cancellation.onCancel(chain.call()::cancel);
        }
        return chain.proceed(chain.request());
    };

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
