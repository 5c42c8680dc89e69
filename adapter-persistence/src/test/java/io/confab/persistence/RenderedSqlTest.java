package io.confab.persistence;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** A query is rendered once only when each bound parameter has a name of its own. */
class RenderedSqlTest {

    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);

    @Test
    void namedParameters_andInlinedValues_render() {
        assertThatNoException().isThrownBy(() -> RenderedSql.of(dsl,
                dsl.select(DSL.param("a", Integer.class), DSL.param("b", String.class), DSL.inline(1))));
    }

    @Test
    void anUnnamedBindValue_isRefused() {
        assertThatIllegalStateException().isThrownBy(() -> RenderedSql.of(dsl,
                dsl.select(DSL.param("a", Integer.class), DSL.val(2))));
    }

    @Test
    void aNameBoundTwice_isRefused() {
        assertThatIllegalStateException().isThrownBy(() -> RenderedSql.of(dsl,
                dsl.select(DSL.param("a", Integer.class), DSL.param("a", Integer.class))));
    }
}
