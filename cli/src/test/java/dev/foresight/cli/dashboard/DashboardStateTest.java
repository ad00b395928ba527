package dev.foresight.cli.dashboard;

import static dev.foresight.cli.dashboard.Fixtures.completed;
import static dev.foresight.cli.dashboard.Fixtures.event;
import static dev.foresight.cli.dashboard.Fixtures.migrate;
import static dev.foresight.cli.dashboard.Fixtures.model;
import static dev.foresight.cli.dashboard.Fixtures.node;
import static dev.foresight.cli.dashboard.Fixtures.prediction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.schemas.Health;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.PowerState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardStateTest {

    @Test
    void alarmsAreCountedByEpisodeAndFailuresAfterThemAreCredited() {
        DashboardState state = new DashboardState("cluster");
        state.node(node("node-001", "rack-0", PowerState.ON, Health.HEALTHY, 8, 1));
        state.prediction(prediction("node-001", 1, 0.9, true));
        state.prediction(prediction("node-001", 2, 0.95, true));
        state.prediction(prediction("node-001", 3, 0.2, false));
        state.prediction(prediction("node-001", 4, 0.8, true));
        state.nodeEvent(event("node-001", NodeEventType.FAILED, 5));
        state.nodeEvent(event("node-002", NodeEventType.FAILED, 5));

        DashboardSnapshot.Quality q = state.snapshot().quality();
        assertThat(q.predictions()).isEqualTo(4);
        assertThat(q.alarmPredictions()).isEqualTo(3);
        assertThat(q.alarmEpisodes()).as("two runs of consecutive alarms").isEqualTo(2);
        assertThat(q.nodesInAlarm()).isEqualTo(1);
        assertThat(q.failures()).isEqualTo(2);
        assertThat(q.failuresAfterAlarm()).as("node-002 had no alarm").isEqualTo(1);
        assertThat(state.snapshot().events()).extracting(DashboardSnapshot.Event::kind)
                .containsExactly("FAILURE", "FAILURE", "ALARM", "ALARM");
        assertThat(state.snapshot().tick()).isEqualTo(5);
    }

    @Test
    void theGridShowsLatestStateAndRiskAndTheLoadFromClusterState() {
        DashboardState state = new DashboardState("cluster");
        state.node(node("node-002", "rack-1", PowerState.OFF, Health.HEALTHY, 0, 1));
        state.node(node("node-001", "rack-0", PowerState.ON, Health.HEALTHY, 8, 1));
        state.node(node("node-001", "rack-0", PowerState.ON, Health.DEGRADED, 16, 2));
        state.prediction(prediction("node-001", 2, 0.3, false));

        DashboardSnapshot snapshot = state.snapshot();
        assertThat(snapshot.nodes()).extracting(DashboardSnapshot.Node::id).containsExactly("node-001", "node-002");
        assertThat(snapshot.nodes().get(0)).satisfies(n -> {
            assertThat(n.health()).isEqualTo("DEGRADED");
            assertThat(n.usedCores()).isEqualTo(16);
            assertThat(n.risk()).isEqualTo(0.3);
        });
        assertThat(snapshot.nodes().get(1).risk()).as("not scored yet").isNull();
        assertThat(snapshot.accounting()).satisfies(a -> {
            assertThat(a.poweredOnNodes()).isEqualTo(1);
            assertThat(a.totalNodes()).isEqualTo(2);
            assertThat(a.busyCores()).isEqualTo(16);
            assertThat(a.energyKwh()).as("a cluster's topics carry no energy accounting").isNull();
        });
        state.removeNode("node-002");
        assertThat(state.snapshot().nodes()).hasSize(1);
    }

    @Test
    void aNewRunStartsOverButKeepsTheFinishedOnes() {
        DashboardState state = new DashboardState("demo");
        state.startRun("periodic", "tiny");
        state.node(node("node-001", "rack-0", PowerState.ON, Health.HEALTHY, 8, 1));
        state.command(migrate("vm-1", "node-002", 1));
        state.commandResult(completed("vm-1", 2));
        state.model(model(2));
        state.model(model(1));
        assertThat(state.snapshot().quality().modelVersion()).as("an older release does not replace a newer one").isEqualTo(2);
        assertThat(state.snapshot().quality().modelProvenance()).as("the provenance of the model in effect")
                .containsEntry("replaces", "v1").containsEntry("source", "online trainer");
        state.runFinished("periodic", Map.of("usefulCoreHours", 10.0, "lostCoreHours", 2.0, "energyKwh", 5.0, "failures", 3.0));
        state.startRun("proactive", "tiny");

        DashboardSnapshot snapshot = state.snapshot();
        assertThat(snapshot.run()).isEqualTo("proactive");
        assertThat(snapshot.nodes()).isEmpty();
        assertThat(snapshot.events()).isEmpty();
        assertThat(snapshot.quality().modelVersion()).isEqualTo(-1);
        assertThat(snapshot.finishedRuns()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo("periodic");
            assertThat(r.lostCoreHours()).isEqualTo(2.0);
        });
    }

    @Test
    void eventsAreCappedNewestFirst() {
        DashboardState state = new DashboardState("cluster");
        for (int i = 0; i < DashboardState.MAX_EVENTS + 50; i++) {
            state.command(migrate("vm-" + i, "node-1", i));
        }
        var events = state.snapshot().events();
        assertThat(events).hasSize(DashboardState.MAX_EVENTS);
        assertThat(events.get(0).subject()).isEqualTo("vm-" + (DashboardState.MAX_EVENTS + 49));
    }

    @Test
    void theSnapshotIsTheJsonThePageReads() throws Exception {
        DashboardState state = new DashboardState("demo");
        state.startRun("proactive", "tiny");
        state.node(node("node-001", "rack-0", PowerState.ON, Health.HEALTHY, 8, 1));
        state.prediction(prediction("node-001", 1, 0.9, true));
        JsonNode json = new ObjectMapper().readTree(DashboardServer.json(state.snapshot()));
        assertThat(json.path("source").asText()).isEqualTo("demo");
        assertThat(json.path("nodes").get(0).path("risk").asDouble()).isEqualTo(0.9);
        assertThat(json.path("nodes").get(0).path("alarm").asBoolean()).isTrue();
        assertThat(json.path("quality").path("alarmEpisodes").asInt()).isEqualTo(1);
        assertThat(json.path("accounting").has("energyKwh")).isTrue();
        assertThat(json.path("events").get(0).path("kind").asText()).isEqualTo("ALARM");
    }
}
