package io.confab.bootstrap;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives Jetty a default it would otherwise work out by starting the platform MBean server (every
 * platform MBean, JFR's included: ~0.15 s of start-up): how many object references fit in a cache
 * line, which Jetty uses to pad its queues. The value is the one Jetty computes.
 */
final class JettyDefaults {

    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";
    private static final int DEFAULT_CACHE_LINE_BYTES = 64;

    private JettyDefaults() {
    }

    /** Sets {@link #REFERENCES_PER_CACHE_LINE} unless already set; call before Jetty's classes load. */
    static void presetReferencesPerCacheLine() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) != null) {
            return;
        }
        boolean compressedReferences = Boolean.parseBoolean(ManagementFactory
                .getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("UseCompressedOops").getValue());
        int cacheLineBytes = Integer.getInteger(CACHE_LINE_BYTES, DEFAULT_CACHE_LINE_BYTES);
        System.setProperty(REFERENCES_PER_CACHE_LINE, Integer.toString(cacheLineBytes / (compressedReferences ? 4 : 8)));
    }
}
