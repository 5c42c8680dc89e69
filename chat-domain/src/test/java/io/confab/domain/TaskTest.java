package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTest {

    private static final UserId ALICE = new UserId("alice");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static Task task(String title, String description) {
        return new Task(1, ALICE, title, description, false, T0, T0);
    }

    @Test
    void aTask_keepsItsStrippedTitleAndDescription() {
        Task task = task("  Buy milk ", "\n2 litres ");

        assertThat(task.title()).isEqualTo("Buy milk");
        assertThat(task.description()).isEqualTo("2 litres");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void aTaskIdThatIsNotPositive_isABug(long id) {
        assertThatThrownBy(() -> new Task(id, ALICE, "Buy milk", "", false, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingTitle_isRefused() {
        assertRefusedOn("title", () -> task(null, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankTitle_isRefused(String title) {
        assertRefusedOn("title", () -> task(title, ""));
    }

    @Test
    void aTitleOf500Characters_isAccepted() {
        assertThat(task("t".repeat(500), "").title()).hasSize(500);
    }

    @Test
    void aTitleOver500Characters_isRefused() {
        assertRefusedOn("title", () -> task("t".repeat(501), ""));
    }

    @Test
    void aTitleWithNul_isRefused() {
        assertRefusedOn("title", () -> task("Buy\u0000milk", ""));
    }

    @Test
    void aMissingDescription_becomesEmpty() {
        assertThat(task("Buy milk", null).description()).isEmpty();
    }

    @Test
    void aDescriptionOf2000Characters_isAccepted() {
        assertThat(task("Buy milk", "d".repeat(2_000)).description()).hasSize(2_000);
    }

    @Test
    void aDescriptionOver2000Characters_isRefused() {
        assertRefusedOn("description", () -> task("Buy milk", "d".repeat(2_001)));
    }

    @Test
    void aDescriptionWithNul_isRefused() {
        assertRefusedOn("description", () -> task("Buy milk", "2\u0000litres"));
    }

    @Test
    void withCompleted_marksItDoneAndTouchesTheUpdateInstantOnly() {
        Task done = task("Buy milk", "").withCompleted(true, T1);

        assertThat(done.completed()).isTrue();
        assertThat(done.updatedAt()).isEqualTo(T1);
        assertThat(done.createdAt()).isEqualTo(T0);
        assertThat(done.title()).isEqualTo("Buy milk");
    }

    @Test
    void withCompletedFalse_reopensADoneTask() {
        Task reopened = task("Buy milk", "").withCompleted(true, T0).withCompleted(false, T1);

        assertThat(reopened.completed()).isFalse();
    }

    @Test
    void withTitle_renamesTheTaskAndKeepsItsIdAndOwner() {
        Task renamed = task("Buy milk", "").withTitle("Buy oat milk", T1);

        assertThat(renamed.title()).isEqualTo("Buy oat milk");
        assertThat(renamed.id()).isEqualTo(1);
        assertThat(renamed.owner()).isEqualTo(ALICE);
        assertThat(renamed.updatedAt()).isEqualTo(T1);
    }

    @Test
    void withTitle_checksTheNewTitle() {
        Task task = task("Buy milk", "");

        assertRefusedOn("title", () -> task.withTitle(" ", T1));
    }

    @Test
    void withDescription_replacesTheDescription() {
        Task described = task("Buy milk", "").withDescription("2 litres", T1);

        assertThat(described.description()).isEqualTo("2 litres");
        assertThat(described.updatedAt()).isEqualTo(T1);
    }

    @Test
    void withDescription_checksTheNewDescription() {
        Task task = task("Buy milk", "");

        assertRefusedOn("description", () -> task.withDescription("d".repeat(2_001), T1));
    }
}
