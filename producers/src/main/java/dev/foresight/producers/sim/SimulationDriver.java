package dev.foresight.producers.sim;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cluster model tick by tick against Kafka: publishes each tick (telemetry, events, state,
 * results, markers) and, in closed loop, applies the commands the actuator decided at tick k at tick
 * {@code k + 1 + lag}. Before advancing to tick t it waits for the actuator's marker of tick
 * {@code t - 1 - lag}: the loop waits rather than races, so a run is a pure function of scenario and seed.
 */
public final class SimulationDriver {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationDriver.class);

    /** Commands of a tick are applied in id order; the actuator's ids sort in decision order. */
    public static final Comparator<Command> COMMAND_ORDER = Comparator.comparing(Command::getCommandId);

    /** Receives every tick and the commands read back, for recording, progress and dashboards. */
    public interface TickListener {
        void onTick(TickReport report);

        default void onCommands(long decidedAtTick, List<Command> commands) {}
    }

    /** Paces ticks: lockstep runs as fast as the pipeline allows, realtime waits for the wall clock. */
    public interface Pacer {
        void beforeTick(long tick) throws InterruptedException;

        static Pacer asFastAsPossible() {
            return tick -> { };
        }

        static Pacer realtime(Duration perTick) {
            long start = System.nanoTime();
            return tick -> {
                long due = start + tick * perTick.toNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing, not synchronisation
                }
            };
        }
    }

    private final ClusterSimulation simulation;
    private final TickSink publisher;
    private final CommandSource commands; // null: open loop
    private final int lag;
    private final Pacer pacer;
    private final List<TickListener> listeners = new ArrayList<>();
    private final List<Command> unknownTypes = new ArrayList<>();
    private final List<Refusal> refused = new ArrayList<>();

    /** Kafka: ticks to the topics, commands from the commands topic (empty reader: open loop). */
    public SimulationDriver(ClusterSimulation simulation, TickPublisher publisher, Optional<TickedTopicReader<Command>> commands,
                            int actuationLag, Duration tickTimeout, BooleanSupplier pipelineHealthy, Pacer pacer) {
        this(simulation, publisher, commands.map(r -> (CommandSource) new KafkaCommandSource(r, tickTimeout, pipelineHealthy)),
                actuationLag, pacer);
    }

    /** Any transport: the in-process engine passes its pipeline as both sink and source. */
    public SimulationDriver(ClusterSimulation simulation, TickSink publisher, Optional<CommandSource> commands,
                            int actuationLag, Pacer pacer) {
        if (actuationLag < 0) {
            throw new IllegalArgumentException("actuation lag must be >= 0 ticks, got " + actuationLag);
        }
        this.simulation = simulation;
        this.publisher = publisher;
        this.commands = commands.orElse(null);
        this.lag = actuationLag;
        this.pacer = pacer;
    }

    public SimulationDriver addListener(TickListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Runs until the scenario's duration is over; returns the number of ticks run. */
    public long run() throws InterruptedException, TimeoutException {
        long ticks = 0;
        while (!simulation.finished()) {
            long next = simulation.tick();
            pacer.beforeTick(next);
            if (commands != null && next - 1 - lag >= 0) {
                applyDecisionsOf(next - 1 - lag);
            }
            TickReport report = simulation.advance();
            publisher.publish(report, refusals(report));
            unknownTypes.clear();
            refused.clear();
            for (TickListener listener : listeners) {
                listener.onTick(report);
            }
            ticks++;
        }
        return ticks;
    }

    /** What the model never saw (unknown types, refused records), answered in the tick it was due. */
    private Refusals refusals(TickReport report) {
        if (unknownTypes.isEmpty() && refused.isEmpty()) {
            return Refusals.NONE;
        }
        List<CommandResult> results = new ArrayList<>();
        for (Command command : unknownTypes) {
            results.add(CommandRejection.unknownType(command, report.tick(), report.timeMillis()));
        }
        for (Refusal refusal : refused) {
            CommandRejection.of(refusal, report.tick(), report.timeMillis()).ifPresent(results::add);
        }
        return new Refusals(results, refused);
    }

    private void applyDecisionsOf(long decidedAt) throws TimeoutException {
        TickBatch<Command> batch = commands.commandsOf(decidedAt);
        List<Command> decided = batch.records();
        long applyAt = decidedAt + 1 + lag;
        for (Command command : decided) {
            Optional<ClusterCommand> mapped = AvroMapping.command(command);
            if (mapped.isPresent()) {
                simulation.submit(mapped.get(), applyAt);
            } else {
                unknownTypes.add(command);
            }
        }
        for (Refusal refusal : batch.refusals()) {
            // loud: a refused command is a bug or an attack upstream, not a cluster decision
            LOG.warn("tick {}: refused {} from {}-{}@{}: {}", decidedAt, refusal.reason(), refusal.raw().topic(),
                    refusal.raw().partition(), refusal.raw().offset(), refusal.message());
        }
        refused.addAll(batch.refusals());
        for (TickListener listener : listeners) {
            listener.onCommands(decidedAt, decided);
        }
        if (!decided.isEmpty()) {
            LOG.debug("tick {}: {} commands decided, applied at {}", decidedAt, decided.size(), applyAt);
        }
    }
}
