package io.confab.rest;

import io.confab.application.ConfabSettings;
import io.confab.application.testing.ConfabHarness;
import io.confab.testkit.ScriptedChatModel;

/**
 * The REST API over the real core (in memory, the built-in task tools, a scripted model), for the
 * tests that need real turns rather than {@link Stubs}.
 */
final class CoreServer implements AutoCloseable {

    final ConfabHarness harness;
    final RestServer server;

    CoreServer(ScriptedChatModel model) {
        this.harness = new ConfabHarness(model, ConfabSettings.defaults(), 1_000);
        this.server = RestServer.start(RestUseCases.of(harness.confab), builder -> { });
    }


    @Override
    public void close() {
        server.close();
        harness.close();
    }
}
