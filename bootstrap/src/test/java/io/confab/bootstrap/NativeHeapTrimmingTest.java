package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeHeapTrimmingTest {

    @Test
    void trimmingTheCHeap_reportsTheResidentMemoryBeforeAndAfter() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/maps")), "the JDK trims the C heap on Linux (glibc) only");

        assertThat(NativeHeapTrimming.trim()).matches("Trim native heap: RSS\\+Swap: \\S+->\\S+ \\(\\S+\\)");
    }
}
