package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

class JettyDefaultsTest {

    @Test
    void thePresetReferencesPerCacheLine_areWhatJettyComputesItself() {
        String before = System.clearProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE);
        try {
            int jettys = MemoryUtils.getReferencesPerCacheLine(); // Jetty's own answer: no preset in this JVM

            JettyDefaults.presetReferencesPerCacheLine();

            assertThat(Integer.getInteger(JettyDefaults.REFERENCES_PER_CACHE_LINE)).isEqualTo(jettys);
        } finally {
            if (before == null) {
                System.clearProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE);
            } else {
                System.setProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE, before);
            }
        }
    }
}
