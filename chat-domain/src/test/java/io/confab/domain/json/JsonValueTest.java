package io.confab.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void anObject_keepsItsMemberOrder() {
        JsonValue.Obj object = JsonValue.object("z", JsonValue.of(1), "a", JsonValue.of(2), "m", JsonValue.of(3));

        assertThat(object.members().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void anObject_findsAMemberByName() {
        JsonValue.Obj object = JsonValue.object("count", JsonValue.of(3));

        assertThat(object.get("count")).contains(JsonValue.of(3));
    }

    @Test
    void anObject_hasNoAbsentMember() {
        assertThat(JsonValue.Obj.empty().get("count")).isEmpty();
    }

    @Test
    void aStringMember_readsAsText() {
        assertThat(JsonValue.object("title", JsonValue.of("Buy milk")).string("title")).contains("Buy milk");
    }

    @Test
    void aMemberThatIsNotAString_doesNotReadAsText() {
        assertThat(JsonValue.object("title", JsonValue.of(7)).string("title")).isEmpty();
    }

    @Test
    void anAbsentMember_doesNotReadAsText() {
        assertThat(JsonValue.Obj.empty().string("title")).isEmpty();
    }

    @Test
    void anUnpairedNameOrValue_isABug() {
        assertThatThrownBy(() -> JsonValue.object("title")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anObject_cannotBeChanged() {
        JsonValue.Obj object = JsonValue.object("a", JsonValue.of(1));

        assertThatThrownBy(() -> object.members().put("b", JsonValue.of(2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anObject_isACopyThatLaterChangesToTheGivenMapDoNotReach() {
        Map<String, JsonValue> given = new LinkedHashMap<>(Map.of("a", JsonValue.of(1)));
        JsonValue.Obj object = new JsonValue.Obj(given);

        given.put("b", JsonValue.of(2));

        assertThat(object.members()).containsOnlyKeys("a");
    }

    @Test
    void anArray_isACopyThatLaterChangesToTheGivenListDoNotReach() {
        List<JsonValue> given = new ArrayList<>(List.of(JsonValue.of(true)));
        JsonValue.Arr array = JsonValue.array(given);

        given.add(JsonValue.Null.INSTANCE);

        assertThat(array.elements()).containsExactly(JsonValue.of(true));
    }

    @Test
    void aWholeNumber_isHeldExactly() {
        assertThat(JsonValue.of(Long.MAX_VALUE).value()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE));
    }

    @Test
    void equalTrees_areEqual() {
        assertThat(JsonValue.object("tags", JsonValue.array(List.of(JsonValue.of("a"), JsonValue.Null.INSTANCE))))
                .isEqualTo(JsonValue.object("tags", JsonValue.array(List.of(JsonValue.of("a"), new JsonValue.Null()))));
    }

    @Test
    void aStringWithoutText_isABug() {
        assertThatThrownBy(() -> JsonValue.of((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aNumberWithoutValue_isABug() {
        assertThatThrownBy(() -> new JsonValue.Num(null)).isInstanceOf(NullPointerException.class);
    }
}
