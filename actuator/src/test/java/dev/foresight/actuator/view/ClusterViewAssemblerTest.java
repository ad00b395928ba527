package dev.foresight.actuator.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.schemas.Health;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.PlacedVm;
import dev.foresight.schemas.PowerState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterViewAssemblerTest {

    static NodeState node(String id, String rack, long tick, PowerState power, Health health, PlacedVm... vms) {
        return NodeState.newBuilder()
                .setNodeId(id).setRackId(rack).setTimestamp(Instant.ofEpochSecond(tick * 60)).setTick(tick)
                .setPower(power).setHealth(health).setQuarantined(false)
                .setCores(32).setMemoryMb(131_072)
                .setUsedCores(List.of(vms).stream().mapToInt(PlacedVm::getCores).sum())
                .setUsedMemoryMb(List.of(vms).stream().mapToLong(PlacedVm::getMemoryMb).sum())
                .setVms(List.of(vms))
                .build();
    }

    static PlacedVm vm(String vmId, String jobId, int cores, boolean passthrough, int priority, boolean checkpointing) {
        return PlacedVm.newBuilder().setVmId(vmId).setJobId(jobId).setCores(cores).setMemoryMb(cores * 2048L)
                .setPassthrough(passthrough).setPriority(priority).setMigrating(false).setCheckpointing(checkpointing).build();
    }

    @Test
    void rebuildsNodesAndDerivesJobsFromTheirVms() {
        JobHistory history = new JobHistory();
        List<NodeState> states = List.of(
                node("node-1", "rack-0", 7, PowerState.ON, Health.HEALTHY, vm("m-1", "mpi", 8, true, 1, false)),
                node("node-0", "rack-0", 7, PowerState.ON, Health.HEALTHY,
                        vm("m-0", "mpi", 8, false, 1, false), vm("t-0", "bag", 4, false, 0, true)),
                node("node-2", "rack-1", 7, PowerState.UNKNOWN_POWER, Health.HEALTHY));
        history.observe(7, states);

        ClusterView view = ClusterViewAssembler.assemble(7, 420_000, 60, states, history);

        assertThat(view.nodes()).extracting(n -> n.nodeId()).containsExactly("node-0", "node-1");
        assertThat(view.node("node-0").orElseThrow()).satisfies(n -> {
            assertThat(n.power()).isEqualTo(PowerStatus.ON);
            assertThat(n.health()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(n.usedCores()).isEqualTo(12);
            assertThat(n.vms()).extracting(v -> v.vmId()).containsExactly("m-0", "t-0");
        });
        assertThat(view.job("mpi").orElseThrow()).satisfies(j -> {
            assertThat(j.kind()).isEqualTo(JobKind.MPI);
            assertThat(j.passthrough()).as("one passthrough VM pins the job").isTrue();
            assertThat(j.priority()).isEqualTo(1);
            assertThat(j.vmIds()).containsExactly("m-0", "m-1");
            assertThat(j.submitTick()).isEqualTo(7);
            assertThat(j.status()).isEqualTo(JobStatus.RUNNING);
        });
        assertThat(view.job("bag").orElseThrow()).satisfies(j -> {
            assertThat(j.kind()).isEqualTo(JobKind.THROUGHPUT);
            assertThat(j.status()).isEqualTo(JobStatus.CHECKPOINTING);
            assertThat(j.lastCheckpointTick()).isEqualTo(7);
        });
        assertThat(view.tickSeconds()).isEqualTo(60);
        assertThat(view.timeMillis()).isEqualTo(420_000);
    }

    @Test
    void historyRemembersWhenAJobWasFirstSeenAndForgetsFinishedOnes() {
        JobHistory history = new JobHistory();
        history.observe(3, List.of(node("n", "r", 3, PowerState.ON, Health.HEALTHY, vm("v", "j", 2, false, 0, false))));
        history.observe(9, List.of(node("n", "r", 9, PowerState.ON, Health.HEALTHY, vm("v", "j", 2, false, 0, false))));

        assertThat(history.seen("j", 9)).isEqualTo(new JobHistory.Seen(3, -1));

        history.observe(10, List.of(node("n", "r", 10, PowerState.ON, Health.HEALTHY)));
        assertThat(history.snapshot()).isEmpty();
    }
}
