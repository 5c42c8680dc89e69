package io.confab.bootstrap;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets resident memory follow what the server really holds. G1, left at its defaults, grows the
 * heap during a burst of turns (a few dozen MB live, hundreds committed) and keeps it; these
 * settings make it give memory back after a collection (at most 30 % of the heap free) and
 * collect when the server has been quiet for {@link #IDLE_COLLECTION_MILLIS}. A flag given on the
 * command line wins: only flags still at their default are changed.
 */
final class HeapSizing {

    static final long IDLE_COLLECTION_MILLIS = 10_000;

    /** Applied in this order: the minimum free ratio must stay below the maximum at every step. */
    static final Map<String, String> SETTINGS = settings();

    private HeapSizing() {
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MinHeapFreeRatio", "10");
        settings.put("MaxHeapFreeRatio", "30");
        settings.put("G1PeriodicGCInterval", Long.toString(IDLE_COLLECTION_MILLIS));
        return settings;
    }

    /** Sets each flag still at its default; returns the flags it set. */
    static Map<String, String> apply() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, String> applied = new LinkedHashMap<>();
        SETTINGS.forEach((flag, value) -> {
            if (hotspot.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT) {
                hotspot.setVMOption(flag, value);
                applied.put(flag, value);
            }
        });
        return applied;
    }
}
