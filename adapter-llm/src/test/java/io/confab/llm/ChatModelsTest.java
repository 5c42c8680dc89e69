package io.confab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.TokenEstimate;
import io.confab.domain.port.ChatModel;
import io.confab.llm.ModelSettings.Provider;
import io.confab.llm.openai.OpenAiSettings;
import org.junit.jupiter.api.Test;

/** Building the configured model, and the settings' validation. */
class ChatModelsTest {

    @Test
    void givenOfflineSettings_create_returnsTheOfflineModel() {
        assertThat(ChatModels.create(ModelSettings.offline()).name()).isEqualTo("offline");
    }

    @Test
    void givenOpenAiSettings_create_returnsAModelNamedAfterTheConfiguredModel() throws Exception {
        ChatModel model = ChatModels.create(ModelSettings.openai(
                OpenAiSettings.of("http://localhost:11434/v1/", "", "llama3.2")));

        assertThat(model.name()).isEqualTo("llama3.2");
        assertThat(model).isInstanceOf(AutoCloseable.class);
        ((AutoCloseable) model).close();
    }

    @Test
    void provider_parsesConfigurationValues() {
        assertThat(Provider.parse("OpenAI")).isEqualTo(Provider.OPENAI);
        assertThat(Provider.parse(" offline ")).isEqualTo(Provider.OFFLINE);
        assertThat(Provider.parse(null)).isEqualTo(Provider.OFFLINE);
        assertThatThrownBy(() -> Provider.parse("anthropic"))
                .hasMessage("unknown model provider 'anthropic' (expected offline or openai)");
    }

    @Test
    void givenOpenAiProviderWithoutSettings_modelSettings_isRejected() {
        assertThatThrownBy(() -> new ModelSettings(Provider.OPENAI, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openAiSettings_dropTrailingSlashesAndHideTheKey() {
        OpenAiSettings settings = OpenAiSettings.of("https://api.openai.com/v1//", "sk-secret-123", "gpt-4o-mini");

        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.toString()).contains("apiKey=***").doesNotContain("sk-secret-123");
    }

    @Test
    void openAiSettings_rejectBadValuesWithTheirName() {
        OpenAiSettings valid = OpenAiSettings.of("http://localhost:8000/v1", "k", "m");

        assertThatThrownBy(() -> OpenAiSettings.of("localhost:8000", "k", "m")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> OpenAiSettings.of("http://localhost:8000/v1", "k", " ")).hasMessageContaining("model");
        assertThatThrownBy(() -> valid.withTemperature(2.5)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> valid.withMaxTokens(0)).hasMessageContaining("maxTokens");
        assertThatThrownBy(() -> valid.withMaxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> valid.withTimeouts(java.time.Duration.ZERO, valid.connectTimeout(), valid.readTimeout()))
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void tokenEstimate_isAQuarterOfTheCharactersRoundedUp() {
        assertThat(TokenEstimate.ofText("")).isZero();
        assertThat(TokenEstimate.ofText("abcde")).isEqualTo(2);
        assertThat(TokenEstimate.ofMessage(new io.confab.domain.model.ModelMessage.User("abcd")))
                .isEqualTo(1 + TokenEstimate.PER_MESSAGE);
    }
}
