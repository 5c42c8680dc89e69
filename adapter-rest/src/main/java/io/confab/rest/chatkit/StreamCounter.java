package io.confab.rest.chatkit;

/** Told when a ChatKit stream opens and closes (the server's open-streams gauge; a graceful stop waits for them). */
public interface StreamCounter {

    void opened();

    void closed();
}
