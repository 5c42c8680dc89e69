package io.confab.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The HTTP transport openai-java borrows: the configured timeouts, and sockets without Nagle's algorithm. */
class ModelTransportTest {

    @Test
    void theTransport_takesItsTimeoutsFromTheSettings_andMakesSocketsWithTcpNoDelay() {
        OpenAiSettings settings = OpenAiSettings.of("http://127.0.0.1:1/v1", "", "m")
                .withTimeouts(Duration.ofSeconds(42), Duration.ofSeconds(3), Duration.ofSeconds(17));

        OkHttpClient transport = OpenAiChatModel.transport(settings);

        assertThat(transport.socketFactory()).isInstanceOf(NoDelaySocketFactory.class);
        assertThat(transport.callTimeoutMillis()).isEqualTo(42_000);
        assertThat(transport.connectTimeoutMillis()).isEqualTo(3_000);
        assertThat(transport.readTimeoutMillis()).isEqualTo(17_000);
        assertThat(transport.writeTimeoutMillis()).isEqualTo(17_000);
    }
}
