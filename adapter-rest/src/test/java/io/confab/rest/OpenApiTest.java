package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    /** Marks operations another adapter serves on the same server (WebSocket, MCP); bootstrap tests those. */
    private static final String OTHER_ADAPTER = "x-confab-adapter";

    @Test
    void theDocumentDescribesExactlyTheRegisteredRoutes() throws IOException {
        try (RestServer server = RestServer.start(new Stubs(), builder -> { })) {
            Set<String> registered = new TreeSet<>();
            server.app.unsafe.internalRouter.allHttpHandlers().forEach(entry -> {
                if (entry.endpoint.method.isHttpMethod()) {
                    registered.add(entry.endpoint.method.name() + " " + entry.endpoint.path);
                }
            });

            JsonNode document = new ObjectMapper().readTree(server.get("/openapi.json", null).body());
            Set<String> documented = new TreeSet<>();
            document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                    .filter(operation -> !operation.getValue().has(OTHER_ADAPTER))
                    .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

            assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
            assertThat(documented).isEqualTo(registered);
        }
    }

    @Test
    void theOperationsOfOtherAdapters_nameTheirAdapter() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(OpsRoutes.openApiDocument()).path("paths");

        assertThat(paths.path("/ws/chat").path("get").path(OTHER_ADAPTER).asText()).isEqualTo("adapter-websocket");
        assertThat(paths.path("/ws/{user_id}/chat").path("get").path(OTHER_ADAPTER).asText()).isEqualTo("adapter-websocket");
        assertThat(paths.path("/mcp").properties()).extracting(operation -> operation.getValue().path(OTHER_ADAPTER).asText())
                .containsOnly("adapter-mcp").hasSize(3);
    }

    @Test
    void everyReferenceInTheDocumentResolves() throws IOException {
        JsonNode document = new ObjectMapper().readTree(OpsRoutes.openApiDocument());
        Set<String> refs = new TreeSet<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            String[] parts = ref.substring(2).split("/");
            assertThat(document.path(parts[0]).path(parts[1]).path(parts[2]).isMissingNode()).as(ref).isFalse();
        });
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
