package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.testkit.Await;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SseTest extends AbstractRestTest {

    /** Starts the server (pings every 50 ms) with one conversation of alice's; returns its id. */
    private String start() {
        startServer(builder -> builder.settings(RestSettings.defaults().withSseHeartbeat(Duration.ofMillis(50))));
        return stubs.create(new io.confab.domain.UserId("alice"), "").id().toString();
    }

    private HttpResponse<Stream<String>> stream(HttpRequest.Builder request) throws IOException, InterruptedException {
        return server.client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    @Test
    void postWithAcceptEventStream_streamsFramesWithIdsAndBlankLines() throws Exception {
        String id = start();

        var response = stream(server.request(CONVERSATIONS + "/" + id + "/messages", "alice")
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        List<String> lines = response.body().filter(line -> !line.startsWith(":")).toList();
        assertThat(lines).hasSize(12);
        for (int frame = 0; frame < 4; frame++) {
            assertThat(lines.get(frame * 3)).matches("id: [0-9a-f-]{36}:" + (frame + 1));
            assertThat(lines.get(frame * 3 + 1)).startsWith("data: {");
            assertThat(lines.get(frame * 3 + 2)).isEmpty();
        }
        assertThat(JSON.readTree(lines.get(1).substring(6)).path("type").asText()).isEqualTo("message_created");
        assertThat(JSON.readTree(lines.get(10).substring(6)).path("type").asText()).isEqualTo("complete");
    }

    @Test
    void oneShotWithAcceptEventStream_streamsTheTurn_inANewConversationNamedByItsFirstEvent() throws Exception {
        start();

        var response = stream(server.request("/api/alice/chat", "alice")
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String> data = response.body().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
        assertThat(data).hasSize(4);
        var first = JSON.readTree(data.getFirst());
        assertThat(first.path("type").asText()).isEqualTo("message_created");
        assertThat(JSON.readTree(data.getLast()).path("type").asText()).isEqualTo("complete");
        var created = ConversationId.parse(first.path("conversation_id").asText());
        assertThat(stubs.find(new UserId("alice"), created)).isPresent();
    }

    @Test
    void oneShotWithAcceptEventStream_intoAnotherUsersConversation_is404_andStreamsNothing() throws Exception {
        start();
        String bobs = stubs.create(new UserId("bob"), "").id().toString();

        var response = server.send(server.request("/api/alice/chat", "alice")
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\",\"conversation_id\":\"" + bobs + "\"}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void getStream_streamsWhateverTheAcceptHeaderSays() throws Exception {
        String id = start();

        var response = stream(server.request(CONVERSATIONS + "/" + id + "/stream?message=hello", "alice").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().filter(line -> line.startsWith("data: ")).toList()).hasSize(4);
    }

    @Test
    void anIdleStream_sendsPingComments() throws Exception {
        CountDownLatch pinged = new CountDownLatch(1);
        stubs.sendMessage = slowTurn(pinged, new CompletableFuture<>());
        String id = start();

        var response = stream(server.request(CONVERSATIONS + "/" + id + "/stream?message=hello", "alice").GET());
        List<String> seen = new ArrayList<>();
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            seen.add(line);
            if (line.equals(": ping")) {
                pinged.countDown();
            }
        }

        assertThat(seen).contains(": ping");
        assertThat(seen.get(seen.size() - 2)).contains("\"type\":\"complete\"");
    }

    @Test
    void lastEventId_isPassedToFollow_asTurnAndSeq() throws Exception {
        AtomicReference<Optional<TurnPosition>> asked = new AtomicReference<>();
        stubs.followTurn = (user, conversation, after, listener) -> {
            asked.set(after);
            TurnId turn = after.orElseThrow().turn();
            Stubs.events(turn, conversation, "x").stream().filter(e -> e.seq() > after.get().seq()).forEach(listener::onEvent);
            return new FollowOutcome.Following(turn, () -> { });
        };
        String id = start();
        String turn = UUID.randomUUID().toString();

        var response = stream(server.request(CONVERSATIONS + "/" + id + "/stream", "alice").header("Last-Event-ID", turn + ":2").GET());

        assertThat(asked.get()).hasValue(new TurnPosition(TurnId.parse(turn), 2));
        assertThat(response.body().filter(line -> line.startsWith("id: ")).toList())
                .containsExactly("id: " + turn + ":3", "id: " + turn + ":4");
    }

    @Test
    void aStreamedSendCarryingLastEventId_isAReconnect_thatResumesThatTurn_andStartsNone() throws Exception {
        AtomicReference<Optional<TurnPosition>> asked = new AtomicReference<>();
        stubs.sendMessage = new SendMessageUseCase() {
            @Override
            public TurnOutcome send(SendMessageUseCase.SendMessage command) {
                throw new AssertionError("a reconnect started a turn");
            }

            @Override
            public TurnStart start(SendMessageUseCase.SendMessage command, TurnListener listener) {
                throw new AssertionError("a reconnect started a turn");
            }
        };
        stubs.followTurn = (user, conversation, after, listener) -> {
            asked.set(after);
            Stubs.events(after.orElseThrow().turn(), conversation, "x").stream()
                    .filter(e -> e.seq() > after.get().seq()).forEach(listener::onEvent);
            return new FollowOutcome.Following(after.get().turn(), () -> { });
        };
        String id = start();
        String turn = UUID.randomUUID().toString();

        var get = stream(server.request(CONVERSATIONS + "/" + id + "/stream?message=add%20milk", "alice")
                .header("Last-Event-ID", turn + ":2").GET());
        var post = stream(server.request(CONVERSATIONS + "/" + id + "/messages", "alice")
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .header("Last-Event-ID", turn + ":3")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"add milk\",\"client_message_id\":\"k\"}")));

        assertThat(get.body().filter(line -> line.startsWith("id: ")).toList())
                .containsExactly("id: " + turn + ":3", "id: " + turn + ":4");
        assertThat(post.body().filter(line -> line.startsWith("id: ")).toList()).containsExactly("id: " + turn + ":4");
        assertThat(asked.get()).hasValue(new TurnPosition(TurnId.parse(turn), 3));
    }

    @Test
    void aStreamedSend_whileAnotherTurnRuns_is409_namingTheRunningTurn() throws Exception {
        TurnId running = new TurnId(UUID.randomUUID());
        stubs.sendMessage = new SendMessageUseCase() {
            @Override
            public TurnOutcome send(SendMessageUseCase.SendMessage command) {
                return new TurnOutcome.InProgress(running);
            }

            @Override
            public TurnStart start(SendMessageUseCase.SendMessage command, TurnListener listener) {
                return new TurnStart.InProgress(running);
            }
        };
        String id = start();

        var streamed = server.send(server.request(CONVERSATIONS + "/" + id + "/stream?message=hi", "alice").GET());
        var blocking = server.send(server.request(CONVERSATIONS + "/" + id + "/messages", "alice")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")));

        for (var response : List.of(streamed, blocking)) {
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("\"code\":\"turn_in_progress\"", "\"turn_id\":\"" + running + "\"");
        }
    }

    @Test
    void aMalformedLastEventId_is400() throws Exception {
        String id = start();

        var response = server.send(server.request(CONVERSATIONS + "/" + id + "/stream", "alice").header("Last-Event-ID", "garbage").GET());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aClientThatLeaves_doesNotStopTheTurn_andTheStreamGaugeFallsBack() throws Exception {
        CountDownLatch clientGone = new CountDownLatch(1);
        CompletableFuture<Boolean> turnFinished = new CompletableFuture<>();
        stubs.sendMessage = slowTurn(clientGone, turnFinished);
        String id = start();

        var response = server.client.send(server.request(CONVERSATIONS + "/" + id + "/stream?message=hi", "alice").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            assertThat(new String(body.readNBytes(10))).startsWith("id: ");
        }
        clientGone.countDown();

        assertThat(turnFinished.get(5, TimeUnit.SECONDS)).isTrue();
        awaitMetric("confab_sse_streams_open 0.0");
    }

    private void awaitMetric(String line) {
        Await.until("metric " + line, Duration.ofSeconds(10), () -> server.get("/metrics", null).body().contains(line));
    }

    /** A turn that streams its first event, holds until {@code release}, then streams the rest and completes {@code finished}. */
    private static SendMessageUseCase slowTurn(CountDownLatch release, CompletableFuture<Boolean> finished) {
        return new SendMessageUseCase() {
            @Override
            public TurnOutcome send(SendMessageUseCase.SendMessage command) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TurnStart start(SendMessageUseCase.SendMessage command, TurnListener listener) {
                TurnId turn = new TurnId(UUID.randomUUID());
                List<TurnEvent> events = Stubs.events(turn, command.conversation(), command.content());
                Thread.startVirtualThread(() -> {
                    listener.onEvent(events.get(0));
                    await(release);
                    events.subList(1, events.size()).forEach(listener::onEvent);
                    finished.complete(true);
                });
                return new TurnStart.Started(turn);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
