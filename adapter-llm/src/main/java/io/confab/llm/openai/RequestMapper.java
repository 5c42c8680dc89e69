package io.confab.llm.openai;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.tool.ToolDefinition;
import io.confab.json.JsonValues;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Maps a {@link ModelRequest} onto openai-java's chat completion parameters. */
final class RequestMapper {

    /** More distinct tool definitions than any catalogue offers; past it the cache starts over. */
    private static final int MAX_CACHED_TOOLS = 1_024;

    /** The name the metadata schema goes by in requests (the API requires one). */
    static final String METADATA_SCHEMA_NAME = "reply_metadata";

    private final OpenAiSettings settings;
    /** Each tool definition as openai-java's model, built once: the catalogue offers the same few on every turn. */
    private final Map<ToolDefinition, ChatCompletionFunctionTool> builtTools = new ConcurrentHashMap<>();

    RequestMapper(OpenAiSettings settings) {
        this.settings = settings;
    }

    /** A streaming request with usage in the last chunk. */
    ChatCompletionCreateParams streaming(ModelRequest request) {
        ChatCompletionCreateParams.Builder params = base();
        request.model().ifPresent(params::model);
        if (!request.systemPrompt().isBlank()) {
            params.addSystemMessage(request.systemPrompt());
        }
        request.messages().forEach(message -> add(params, message));
        request.tools().forEach(tool -> params.addTool(built(tool)));
        return params
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
    }

    /** A cheap whole-reply request for a conversation title. */
    ChatCompletionCreateParams title(String prompt, String userMessage, String reply) {
        return ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(prompt)
                .addUserMessage("User: " + userMessage + "\nAssistant: " + reply)
                .build();
    }

    /**
     * A whole-reply request for a reply's structured metadata: the profile's instructions, the
     * exchange, and the profile's schema as a strict {@code json_schema} response format.
     */
    ChatCompletionCreateParams metadata(MetadataRequest request) {
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        request.profile().schema().members().forEach((name, value) ->
                schema.putAdditionalProperty(name, JsonValue.fromJsonNode(JsonValues.toNode(value))));
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name(METADATA_SCHEMA_NAME)
                                .schema(schema.build())
                                .strict(true)
                                .build())
                        .build());
        if (!request.profile().instructions().isBlank()) {
            params.addSystemMessage(request.profile().instructions());
        }
        return params.addUserMessage("User: " + request.userMessage() + "\nAssistant: " + request.reply()).build();
    }

    /** {@code max_tokens} is deprecated by OpenAI but is what compatible servers understand. */
    @SuppressWarnings("deprecation")
    private ChatCompletionCreateParams.Builder base() {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(settings.model());
        if (settings.temperature() != null) {
            params.temperature(settings.temperature());
        }
        if (settings.maxTokens() != null) {
            if (settings.isOpenAi()) {
                params.maxCompletionTokens(settings.maxTokens().longValue());
            } else {
                params.maxTokens(settings.maxTokens().longValue());
            }
        }
        return params;
    }

    private static void add(ChatCompletionCreateParams.Builder params, ModelMessage message) {
        switch (message) {
            case ModelMessage.User user -> params.addUserMessage(user.content());
            case ModelMessage.Assistant assistant -> params.addMessage(assistant(assistant));
            case ModelMessage.ToolResult result -> params.addMessage(ChatCompletionToolMessageParam.builder()
                    .toolCallId(result.callId())
                    .content(JsonValues.write(result.result()))
                    .build());
        }
    }

    private static ChatCompletionAssistantMessageParam assistant(ModelMessage.Assistant assistant) {
        ChatCompletionAssistantMessageParam.Builder message = ChatCompletionAssistantMessageParam.builder();
        if (!assistant.content().isEmpty() || assistant.toolCalls().isEmpty()) {
            message.content(assistant.content());
        }
        for (ToolCallRequest call : assistant.toolCalls()) {
            message.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                    .id(call.id())
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .name(call.tool())
                            .arguments(argumentsText(call))
                            .build())
                    .build());
        }
        return message.build();
    }

    /** Arguments the model sent as invalid JSON are kept as its raw text, so it sees its own mistake. */
    private static String argumentsText(ToolCallRequest call) {
        return call.arguments() instanceof io.confab.domain.json.JsonValue.Str raw
                ? raw.value()
                : JsonValues.write(call.arguments());
    }

    private ChatCompletionFunctionTool built(ToolDefinition tool) {
        if (builtTools.size() > MAX_CACHED_TOOLS) {
            builtTools.clear();
        }
        return builtTools.computeIfAbsent(tool, RequestMapper::tool);
    }

    private static ChatCompletionFunctionTool tool(ToolDefinition tool) {
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        tool.parameters().members().forEach((name, value) ->
                parameters.putAdditionalProperty(name, JsonValue.fromJsonNode(JsonValues.toNode(value))));
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .parameters(parameters.build())
                        .build())
                .build();
    }
}
