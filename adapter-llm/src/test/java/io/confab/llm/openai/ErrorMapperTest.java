package io.confab.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.errors.OpenAIIoException;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.ChatModelException.Kind;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

/** The transport's timeouts told apart by their exception types, not their messages. */
class ErrorMapperTest {

    private final ErrorMapper errors = new ErrorMapper(OpenAiSettings.of("http://127.0.0.1:1/v1", "", "m")
            .withTimeouts(Duration.ofSeconds(42), Duration.ofSeconds(3), Duration.ofSeconds(17)));

    @Test
    void aConnectTimeout_saysTheEndpointCouldNotBeReachedWithinTheConnectTimeout() {
        ChatModelException failure = errors.map(new OpenAIIoException("Request failed",
                new ConnectTimeoutException("127.0.0.1:1 timed out")));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("could not be reached within 3 s");
    }

    @Test
    void aReadTimeout_saysTheEndpointSentNothingForTheReadTimeout() {
        ChatModelException failure = errors.map(new OpenAIIoException("Request failed",
                new SocketTimeoutException("Read timed out")));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("sent nothing for 17 s");
    }
}
