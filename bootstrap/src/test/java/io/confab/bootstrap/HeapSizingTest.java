package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapSizingTest {

    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void theHeapGivesMemoryBack_andIsCollectedWhenIdle_unlessTheCommandLineSaidOtherwise() {
        HeapSizing.apply();

        HeapSizing.SETTINGS.forEach((flag, value) -> {
            var option = hotspot.getVMOption(flag);
            if (option.getOrigin() == com.sun.management.VMOption.Origin.MANAGEMENT) {
                assertThat(option.getValue()).as(flag).isEqualTo(value);
            } else {
                assertThat(option.getOrigin()).as(flag + " left as the command line set it")
                        .isNotEqualTo(com.sun.management.VMOption.Origin.DEFAULT);
            }
        });
        assertThat(HeapSizing.apply()).as("a second call changes nothing").isEmpty();
    }
}
