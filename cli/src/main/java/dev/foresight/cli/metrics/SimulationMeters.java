package dev.foresight.cli.metrics;

import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.command.CommandOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The simulated cluster's accounting as gauges, one set per run label (a demo runs each policy in turn):
 * energy, useful and lost work, failures, powered-on nodes, and command outcomes by kind and status as the
 * cluster model applied them. Fed from the simulator's thread, one {@link TickReport} at a time.
 */
public final class SimulationMeters {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<AccountingSnapshot>> runs = new ConcurrentHashMap<>();

    public SimulationMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void onTick(String run, TickReport report) {
        runs.computeIfAbsent(run, this::register).set(report.accounting());
        for (CommandOutcome outcome : report.outcomes()) {
            Counter.builder("foresight.cluster.command.outcomes")
                    .description("Command outcomes as the cluster model applied them")
                    .tags("run", run, "type", outcome.kind().name(), "status", outcome.status().name())
                    .register(registry).increment();
        }
    }

    private AtomicReference<AccountingSnapshot> register(String run) {
        AtomicReference<AccountingSnapshot> latest = new AtomicReference<>();
        gauge(run, latest, "foresight.cluster.tick", "Latest simulated tick", AccountingSnapshot::tick);
        gauge(run, latest, "foresight.cluster.energy.kwh", "Energy drawn by all nodes so far", AccountingSnapshot::energyKwh);
        gauge(run, latest, "foresight.cluster.power.watts", "Total power draw in the latest tick", AccountingSnapshot::powerWatts);
        gauge(run, latest, "foresight.cluster.useful.core.hours", "Compute not thrown away by failures",
                s -> s.usefulCoreSeconds() / 3600);
        gauge(run, latest, "foresight.cluster.lost.core.hours", "Compute rolled back by failures", s -> s.lostCoreSeconds() / 3600);
        gauge(run, latest, "foresight.cluster.failures", "Hardware failures so far", AccountingSnapshot::failures);
        gauge(run, latest, "foresight.cluster.powered.on.nodes", "Nodes drawing more than their off power", AccountingSnapshot::poweredOnNodes);
        gauge(run, latest, "foresight.cluster.quarantined.node.hours", "Time nodes spent quarantined so far, summed over nodes",
                s -> s.quarantinedNodeSeconds() / 3600);
        return latest;
    }

    private void gauge(String run, AtomicReference<AccountingSnapshot> latest, String name, String description,
                       ToDoubleFunction<AccountingSnapshot> value) {
        Gauge.builder(name, latest, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .description(description).tags("run", run).strongReference(true).register(registry);
    }
}
