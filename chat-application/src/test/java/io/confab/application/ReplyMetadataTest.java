package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.application.testing.ConfabHarness.types;
import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.port.JsonSchemaValidator;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The structured metadata of replies (SPEC §15): asked of the model, validated, stored, emitted before complete. */
class ReplyMetadataTest {

    private static final Set<String> URGENCIES = Set.of("low", "medium", "high", "emergency");
    /** Stands in for a JSON Schema validator: an object whose "urgency" is one of {@link #URGENCIES}. */
    private static final JsonSchemaValidator URGENCY_ONLY = (schema, value) ->
            value instanceof JsonValue.Obj object && object.string("urgency").filter(URGENCIES::contains).isPresent()
                    ? List.of() : List.of("$.urgency: not one of " + URGENCIES);
    private static final JsonValue.Obj FALLBACK = object("urgency", of("medium"));
    private static final MetadataProfile PROFILE = new MetadataProfile(object("type", of("object")),
            "Classify the request.", FALLBACK, List.of());

    private final UserId alice = newUser();
    private ConfabHarness harness;
    private Conversation lastConversation;
    private MessageId lastReply;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aValidAnswer_isStoredAsTheRepliesMetadata_andEmittedJustBeforeComplete() {
        JsonValue.Obj answer = object("urgency", of("emergency"));
        List<TurnEvent> seen = turn(request -> Optional.of(answer), "My pipe burst!");

        assertThat(types(seen).subList(seen.size() - 2, seen.size())).containsExactly("metadata", "complete");
        TurnEvent.MetadataReady metadata = (TurnEvent.MetadataReady) seen.get(seen.size() - 2);
        Message reply = ((TurnEvent.Completed) seen.getLast()).message();
        assertThat(metadata.metadata()).isEqualTo(answer);
        assertThat(metadata.messageId()).isEqualTo(reply.id());
        assertThat(reply.metadata()).isEqualTo(answer);
        assertThat(storedReply().metadata()).isEqualTo(answer);
    }

    @Test
    void theModel_isAskedWithTheProfileTheUsersMessageAndTheReply() {
        turn(request -> Optional.of(FALLBACK), "My pipe burst!");

        MetadataRequest asked = harness.model.metadataRequests().getFirst();
        assertThat(asked.profile()).isEqualTo(PROFILE);
        assertThat(asked.userMessage()).isEqualTo("My pipe burst!");
        assertThat(asked.reply()).isEqualTo("On my way.");
    }

    @Test
    void anAnswerInvalidUnderTheSchema_isReplacedByTheFallback() {
        List<TurnEvent> seen = turn(request -> Optional.of(object("urgency", of("whenever"))), "My pipe burst!");

        assertThat(((TurnEvent.MetadataReady) seen.get(seen.size() - 2)).metadata()).isEqualTo(FALLBACK);
        assertThat(storedReply().metadata()).isEqualTo(FALLBACK);
    }

    @Test
    void anAnswerThatIsNotAnObject_isReplacedByTheFallback() {
        turn(request -> Optional.of(of("emergency")), "My pipe burst!");

        assertThat(storedReply().metadata()).isEqualTo(FALLBACK);
    }

    @Test
    void noAnswer_isReplacedByTheFallback() {
        turn(request -> Optional.empty(), "My pipe burst!");

        assertThat(storedReply().metadata()).isEqualTo(FALLBACK);
    }

    @Test
    void aModelFailingToDescribe_losesNoReply_theFallbackIsUsed() {
        List<TurnEvent> seen = turn(request -> {
            throw new IllegalStateException("provider down");
        }, "My pipe burst!");

        assertThat(seen.getLast()).isInstanceOf(TurnEvent.Completed.class);
        assertThat(storedReply().content()).isEqualTo("On my way.");
        assertThat(storedReply().metadata()).isEqualTo(FALLBACK);
    }

    @Test
    void withoutAProfile_repliesCarryNoMetadata_andNoMetadataEventIsSent() {
        harness = new ConfabHarness(ConfabSettings.defaults());
        harness.model.describing(request -> Optional.of(FALLBACK)).then(Reply.text("On my way."));

        List<TurnEvent> seen = run("My pipe burst!");

        assertThat(types(seen)).doesNotContain("metadata");
        assertThat(storedReply().metadata()).isEqualTo(JsonValue.Obj.empty());
        assertThat(harness.model.metadataRequests()).isEmpty();
    }

    @Test
    void aProfileWhoseFallbackIsInvalid_isRejected() {
        MetadataProfile wrong = new MetadataProfile(object("type", of("object")), "", object("urgency", of("soon")), List.of());

        assertThatThrownBy(() -> ReplyMetadata.of(wrong, URGENCY_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fallback");
    }

    private List<TurnEvent> turn(Function<MetadataRequest, Optional<JsonValue>> answer, String message) {
        harness = new ConfabHarness(new ScriptedChatModel(),
                ConfabSettings.defaults().withReplyMetadata(ReplyMetadata.of(PROFILE, URGENCY_ONLY)), 1_000);
        harness.model.describing(answer).then(Reply.text("On my way."));
        return run(message);
    }

    private List<TurnEvent> run(String message) {
        Conversation conversation = harness.newConversation(alice);
        EventRecorder<TurnEvent> events = new EventRecorder<>();
        TurnStart start = harness.confab.sendMessage().start(command(alice, conversation.id(), message, null), events::accept);
        assertThat(start).isInstanceOf(TurnStart.Started.class);
        List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);
        lastConversation = conversation;
        lastReply = new MessageId(((TurnStart.Started) start).turn().value());
        return seen;
    }

    private Message storedReply() {
        return harness.confab.ports().messages().find(alice, lastConversation.id(), lastReply).orElseThrow();
    }
}
