package io.confab.benchmarks.load;

import java.util.List;

/** One named measurement against a {@link Target}; it reports one or more result rows. */
interface Scenario {

    String name();

    List<ScenarioResult> run(Target target, BenchOptions options) throws Exception;

    /**
     * Call before a warm-up, to start it from a settled heap (in-process): what start-up, the
     * earlier scenarios and the seeding left live would otherwise sit in the survivor spaces through
     * the measured windows, copied by every young collection until old enough to be promoted (about
     * a minute here; 35–60 ms pauses), a cost a long-running server no longer pays. Before the
     * warm-up, not after: a full collection may unload compiled code, and the first requests after
     * it were slow.
     */
    static void settleHeap() {
        System.gc();
    }
}
