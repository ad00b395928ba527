package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the simulation under arbitrary sequences of ticks and commands, on a small cluster
 * tuned to be eventful: failures every few hours per node, short jobs, a slow migration link (so
 * migrations span ticks and can be caught by failures), frequent checkpoints.
 */
class ClusterProperties {

    private static final Scenario EVENTFUL = ScenarioLoader.parse("""
            name: eventful
            nodes: 8
            racks: 2
            durationTicks: 500
            node: {cores: 16, memoryMb: 65536}
            failures:
              weibull: {shape: 0.7, scaleHours: 4}
              repair: {mu: -1.5, sigma: 0.5}
              classes:
                memory: {share: 0.3, announced: 0.6, leadMinutes: {min: 5, max: 60}}
                thermal: {share: 0.2, announced: 0.6, leadMinutes: {min: 5, max: 60}}
                power: {share: 0.1, announced: 0.6, leadMinutes: {min: 5, max: 60}}
                disk: {share: 0.1, announced: 0.6, leadMinutes: {min: 5, max: 60}}
                software: {share: 0.2, announced: 0.6, leadMinutes: {min: 5, max: 60}}
                other: {share: 0.1}
              falseAlarms: {ratePerNodeDay: 2}
            jobs:
              offeredLoad: 0.9
              vmsPerMpiJob: {min: 1, max: 4}
              coresPerVm: [4, 8]
              runtime: {mu: -0.5, sigma: 0.8}
              maxRuntimeHours: 3
            checkpointing: {policy: periodic, intervalMinutes: 15}
            migration: {linkBandwidthMbPerSec: 50}
            power: {bootSeconds: 120}
            """, "eventful");

    /** One step: run a tick, or apply a command whose subject and target are picked among live ids. */
    record Action(CommandKind kind, int subjectPick, int targetPick, boolean lowPower) {
        static final Action TICK = new Action(null, 0, 0, false);

        boolean isTick() {
            return this == TICK;
        }

        /** Picks -1 stand for ids that do not exist (or, for targets, none). */
        ClusterCommand resolve(ClusterView view, int sequence) {
            String id = "cmd-" + sequence;
            List<NodeView> nodes = view.nodes();
            String node = subjectPick < 0 ? "node-none" : nodes.get(subjectPick % nodes.size()).nodeId();
            String target = targetPick < 0 ? null : nodes.get(targetPick % nodes.size()).nodeId();
            return switch (kind) {
                case MIGRATE -> {
                    List<String> vms = new ArrayList<>();
                    for (NodeView n : nodes) {
                        for (VmView vm : n.vms()) {
                            vms.add(vm.vmId());
                        }
                    }
                    String vm = subjectPick < 0 || vms.isEmpty() ? "vm-none" : vms.get(subjectPick % vms.size());
                    yield ClusterCommand.migrate(id, vm, target, "property");
                }
                case CHECKPOINT -> {
                    List<JobView> jobs = view.jobs();
                    String job = subjectPick < 0 || jobs.isEmpty() ? "job-none" : jobs.get(subjectPick % jobs.size()).jobId();
                    yield ClusterCommand.checkpoint(id, job, "property");
                }
                case POWER_OFF -> new ClusterCommand(id, kind, node, lowPower ? ClusterCommand.LOW_POWER_TARGET : null, "property");
                case POWER_ON, QUARANTINE, RELEASE -> new ClusterCommand(id, kind, node, null, "property");
            };
        }
    }

    @Provide
    Arbitrary<List<Action>> scripts() {
        Arbitrary<Action> command = Combinators.combine(
                        Arbitraries.of(CommandKind.class),
                        Arbitraries.integers().between(-1, 1_000),
                        Arbitraries.integers().between(-1, 1_000),
                        Arbitraries.of(true, false))
                .as(Action::new);
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Action.TICK)), Tuple.of(2, command))
                .list()
                .ofMinSize(20)
                .ofMaxSize(200);
    }

    /** Runs the script, calling the checks after every step. */
    private static ClusterSimulation play(long seed, List<Action> script, StepCheck check) {
        ClusterSimulation sim = ClusterSimulation.create(EVENTFUL, seed);
        int sequence = 0;
        for (Action action : script) {
            if (action.isTick()) {
                check.afterTick(sim, sim.advance());
            } else {
                ClusterCommand command = action.resolve(sim.view(), sequence++);
                String before = sim.fingerprint();
                CommandOutcome outcome = sim.apply(command);
                check.afterCommand(sim, command, outcome, before);
            }
        }
        return sim;
    }

    interface StepCheck {
        default void afterTick(ClusterSimulation sim, TickReport report) {}

        default void afterCommand(ClusterSimulation sim, ClusterCommand command, CommandOutcome outcome, String before) {}
    }

    @Property(tries = 60)
    void noVmIsEverInTwoPlacesAndNoNodeOverCapacity(@ForAll("scripts") List<Action> script,
            @ForAll @LongRange(min = 1, max = 10_000) long seed) {
        play(seed, script, new StepCheck() {
            @Override
            public void afterTick(ClusterSimulation sim, TickReport report) {
                check(sim, report.nodeStates());
            }

            @Override
            public void afterCommand(ClusterSimulation sim, ClusterCommand c, CommandOutcome o, String before) {
                check(sim, sim.view().nodes());
            }

            private void check(ClusterSimulation sim, List<NodeView> nodes) {
                Map<String, String> placedOn = new HashMap<>();
                for (NodeView node : nodes) {
                    assertThat(node.usedCores()).as("%s cores", node.nodeId()).isLessThanOrEqualTo(node.cores());
                    assertThat(node.usedMemoryMb()).as("%s memory", node.nodeId()).isLessThanOrEqualTo(node.memoryMb());
                    for (VmView vm : node.vms()) {
                        assertThat(placedOn.put(vm.vmId(), node.nodeId())).as("%s placed twice", vm.vmId()).isNull();
                    }
                }
                assertThat(sim.invariantViolations()).isEmpty();
            }
        });
    }

    @Property(tries = 60)
    void rejectedCommandsChangeNothing(@ForAll("scripts") List<Action> script,
            @ForAll @LongRange(min = 1, max = 10_000) long seed) {
        int[] counts = new int[OutcomeStatus.values().length];
        play(seed, script, new StepCheck() {
            @Override
            public void afterCommand(ClusterSimulation sim, ClusterCommand command, CommandOutcome outcome, String before) {
                counts[outcome.status().ordinal()]++;
                assertThat(outcome.status()).isIn(OutcomeStatus.ACCEPTED, OutcomeStatus.COMPLETED, OutcomeStatus.REJECTED);
                if (outcome.status() == OutcomeStatus.REJECTED) {
                    assertThat(outcome.reason()).isNotBlank();
                    assertThat(sim.fingerprint()).as("state after rejected %s: %s", command, outcome.reason()).isEqualTo(before);
                } else {
                    assertThat(sim.fingerprint()).as("state after %s", command).isNotEqualTo(before);
                }
            }
        });
        Statistics.label("some command took effect")
                .collect(counts[OutcomeStatus.ACCEPTED.ordinal()] + counts[OutcomeStatus.COMPLETED.ordinal()] > 0)
                .coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Property(tries = 40)
    void energyAndCumulativeCountersNeverDecrease(@ForAll("scripts") List<Action> script,
            @ForAll @LongRange(min = 1, max = 10_000) long seed) {
        AccountingSnapshot[] last = {null};
        play(seed, script, new StepCheck() {
            @Override
            public void afterTick(ClusterSimulation sim, TickReport report) {
                AccountingSnapshot now = report.accounting();
                assertThat(now.powerWatts()).isPositive();
                if (last[0] != null) {
                    AccountingSnapshot before = last[0];
                    assertThat(now.energyKwh()).isGreaterThan(before.energyKwh());
                    assertThat(now.energyKwh() - before.energyKwh()).isCloseTo(now.powerWatts() * 60 / 3.6e6,
                            within(1e-9));
                    assertThat(now.executedCoreSeconds()).isGreaterThanOrEqualTo(before.executedCoreSeconds());
                    assertThat(now.lostCoreSeconds()).isGreaterThanOrEqualTo(before.lostCoreSeconds());
                    assertThat(now.checkpointCoreSeconds()).isGreaterThanOrEqualTo(before.checkpointCoreSeconds());
                    assertThat(now.failures()).isGreaterThanOrEqualTo(before.failures());
                    assertThat(now.jobsCompleted()).isGreaterThanOrEqualTo(before.jobsCompleted());
                }
                assertThat(now.usefulCoreSeconds()).isGreaterThanOrEqualTo(-1e-6);
                last[0] = now;
            }
        });
    }

    @Property(tries = 25)
    void theSameSeedAndCommandsGiveTheSameTrace(@ForAll("scripts") List<Action> script,
            @ForAll @LongRange(min = 1, max = 10_000) long seed) {
        assertThat(digest(seed, script)).isEqualTo(digest(seed, script));
        assertThat(digest(seed + 1, script)).isNotEqualTo(digest(seed, script));
    }

    private static String digest(long seed, List<Action> script) {
        TraceDigest digest = new TraceDigest();
        play(seed, script, new StepCheck() {
            @Override
            public void afterTick(ClusterSimulation sim, TickReport report) {
                digest.update(report);
            }
        });
        return digest.hex();
    }

    @Property(tries = 40)
    void commandsNeverChangeWhichHardwareFailuresHappenOrWhen(@ForAll("scripts") List<Action> script,
            @ForAll @LongRange(min = 1, max = 10_000) long seed) {
        List<String> withCommands = new ArrayList<>();
        play(seed, script, new StepCheck() {
            @Override
            public void afterTick(ClusterSimulation sim, TickReport report) {
                report.events().stream().filter(e -> e.kind() == NodeEventKind.FAILED)
                        .forEachOrdered(e -> withCommands.add(e.nodeId() + "@" + e.timeMillis()));
            }
        });
        List<String> ticksOnly = new ArrayList<>();
        List<Action> justTicks = script.stream().filter(Action::isTick).toList();
        play(seed, justTicks, new StepCheck() {
            @Override
            public void afterTick(ClusterSimulation sim, TickReport report) {
                report.events().stream().filter(e -> e.kind() == NodeEventKind.FAILED)
                        .forEachOrdered(e -> ticksOnly.add(e.nodeId() + "@" + e.timeMillis()));
            }
        });
        assertThat(withCommands).isEqualTo(ticksOnly);
    }
}
