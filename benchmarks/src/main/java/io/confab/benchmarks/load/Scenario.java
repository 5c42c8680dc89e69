package io.confab.benchmarks.load;

import java.util.List;

/** One named measurement against a {@link Target}; it reports one or more result rows. */
interface Scenario {

    String name();

    List<ScenarioResult> run(Target target, BenchOptions options) throws Exception;
}
