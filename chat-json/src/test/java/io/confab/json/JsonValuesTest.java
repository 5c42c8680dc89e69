package io.confab.json;

import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void writesAndParsesEveryKindOfValue() {
        JsonValue tree = JsonValue.object(
                "title", of("buy milk"),
                "id", of(7),
                "done", of(false),
                "ratio", new JsonValue.Num(new BigDecimal("0.5")),
                "tags", JsonValue.array(List.of(of("a"), JsonValue.Null.INSTANCE)));

        String text = JsonValues.write(tree);

        assertThat(text).isEqualTo("{\"title\":\"buy milk\",\"id\":7,\"done\":false,\"ratio\":0.5,\"tags\":[\"a\",null]}");
        assertThat(JsonValues.write(JsonValues.parse(text))).isEqualTo(text);
    }

    @Test
    void parse_rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> JsonValues.parse("{\"a\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void parseLenient_keepsBrokenModelOutputAsText() {
        assertThat(JsonValues.parseLenient("{title: milk")).isEqualTo(of("{title: milk"));
        assertThat(JsonValues.parseLenient("")).isEqualTo(JsonValue.Obj.empty());
    }
}
