package io.confab.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code turns}: N users, each with its own conversation, send blocking turns back to back
 * (closed loop) for the warm-up and then the measured window; turns/s and the latency of the
 * turns that completed inside the window. In-process, it also notes this JVM's CPU time per
 * completed turn (server, fake model and client together), a steadier A/B figure than turns/s on a
 * busy machine.
 */
final class TurnsScenario implements Scenario {

    @Override
    public String name() {
        return "turns";
    }

    @Override
    public List<ScenarioResult> run(Target target, BenchOptions options) throws Exception {
        ConfabClient client = target.client();
        int users = options.users();
        String[] tokens = new String[users];
        String[] conversations = new String[users];
        for (int u = 0; u < users; u++) {
            tokens[u] = client.token("turns-" + u + "-" + System.nanoTime());
            conversations[u] = client.createConversation(tokens[u], "Load " + u);
        }
        Histogram latency = new Histogram();
        AtomicLong errors = new AtomicLong();
        long measureFrom = System.nanoTime() + options.warmupNanos();
        long end = measureFrom + options.measureNanos();
        List<Thread> threads = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            int user = u;
            threads.add(Thread.ofVirtual().start(() -> {
                int turn = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = client.sendTurn(tokens[user], conversations[user], "Turn " + turn++ + " please");
                    } catch (Exception e) {
                        status = -1;
                    }
                    long finished = System.nanoTime();
                    if (finished >= measureFrom && finished <= end) {
                        if (status == 200) {
                            latency.record(finished - start);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        long cpuFrom = cpuNanosAt(measureFrom);
        long cpuTo = cpuNanosAt(end);
        for (Thread thread : threads) {
            thread.join();
        }
        ScenarioResult result = ScenarioResult.measured(name(), users + " users, blocking", latency, errors.get(), options.seconds())
                .withNote("target", ">= 1500 turns/s");
        long turns = latency.summary().count();
        if (target.inProcess().isPresent() && cpuFrom >= 0 && turns > 0) {
            result = result.withNote("jvm_cpu_ms_per_turn", ResultTable.decimal((cpuTo - cpuFrom) / 1e6 / turns, 2));
        }
        return List.of(result);
    }

    /** This JVM's CPU time once {@code nanoTime} reaches {@code at}; -1 where the JVM cannot tell. */
    private static long cpuNanosAt(long at) throws InterruptedException {
        long wait = at - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
