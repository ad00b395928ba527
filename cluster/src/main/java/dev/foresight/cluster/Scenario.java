package dev.foresight.cluster;

import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.cluster.scenario.FailureSettings;
import dev.foresight.cluster.scenario.JobSettings;
import dev.foresight.cluster.scenario.MigrationSettings;
import dev.foresight.cluster.scenario.NodeSettings;
import dev.foresight.cluster.scenario.PowerSettings;
import dev.foresight.cluster.scenario.SchedulerSettings;
import dev.foresight.cluster.scenario.TelemetrySettings;
import dev.foresight.cluster.scenario.Violations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A complete, typed description of one simulated cluster and its life. Every field has a default
 * ({@link #defaults()}); YAML files override only what they name (see {@link ScenarioLoader}).
 *
 * @param start simulated time of tick 0, ISO-8601 (fixed, so runs with one seed stamp identical times)
 * @param durationTicks length of a run; YAML may give {@code durationHours} instead
 * @param actuationLagTicks commands decided after tick k take effect at tick k + 1 + lag
 * @param nodes number of nodes, spread evenly over {@code racks}
 */
public record Scenario(
        String name,
        long seed,
        String start,
        long tickSeconds,
        long durationTicks,
        int actuationLagTicks,
        int nodes,
        int racks,
        NodeSettings node,
        FailureSettings failures,
        JobSettings jobs,
        SchedulerSettings scheduler,
        CheckpointSettings checkpointing,
        PowerSettings power,
        MigrationSettings migration,
        TelemetrySettings telemetry) {

    public static final String DEFAULT_START = "2026-01-01T00:00:00Z";

    /** A laptop-sized cluster: 64 nodes over 4 racks for one simulated day of one-minute ticks. */
    public static Scenario defaults() {
        return new Scenario(
                "default",
                1L,
                DEFAULT_START,
                60,
                1440,
                0,
                64,
                4,
                NodeSettings.defaults(),
                FailureSettings.defaults(),
                JobSettings.defaults(),
                SchedulerSettings.defaults(),
                CheckpointSettings.defaults(),
                PowerSettings.defaults(),
                MigrationSettings.defaults(),
                TelemetrySettings.defaults());
    }

    public Instant startInstant() {
        return Instant.parse(start);
    }

    public long startEpochMillis() {
        return startInstant().toEpochMilli();
    }

    public double durationHours() {
        return durationTicks * tickSeconds / 3600.0;
    }

    public long totalCores() {
        return (long) nodes * node.cores();
    }

    /** "node-0042": zero-padded so that sorting ids sorts nodes by index. */
    public String nodeId(int index) {
        return String.format(Locale.ROOT, "node-%04d", index);
    }

    /** "rack-03". */
    public String rackId(int rackIndex) {
        return String.format(Locale.ROOT, "rack-%02d", rackIndex);
    }

    /** Nodes fill racks in index order, as evenly as the counts allow (rack sizes differ by at most one). */
    public int rackIndexOf(int nodeIndex) {
        return (int) ((long) nodeIndex * racks / nodes);
    }

    public Scenario withName(String newName) {
        return new Scenario(newName, seed, start, tickSeconds, durationTicks, actuationLagTicks, nodes, racks, node,
                failures, jobs, scheduler, checkpointing, power, migration, telemetry);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, start, tickSeconds, durationTicks, actuationLagTicks, nodes, racks, node,
                failures, jobs, scheduler, checkpointing, power, migration, telemetry);
    }

    public Scenario withNodes(int newNodes, int newRacks) {
        return new Scenario(name, seed, start, tickSeconds, durationTicks, actuationLagTicks, newNodes, newRacks, node,
                failures, jobs, scheduler, checkpointing, power, migration, telemetry);
    }

    public Scenario withDurationTicks(long newDurationTicks) {
        return new Scenario(name, seed, start, tickSeconds, newDurationTicks, actuationLagTicks, nodes, racks, node,
                failures, jobs, scheduler, checkpointing, power, migration, telemetry);
    }

    public Scenario withFailures(FailureSettings newFailures) {
        return new Scenario(name, seed, start, tickSeconds, durationTicks, actuationLagTicks, nodes, racks, node,
                newFailures, jobs, scheduler, checkpointing, power, migration, telemetry);
    }

    public Scenario withJobs(JobSettings newJobs) {
        return new Scenario(name, seed, start, tickSeconds, durationTicks, actuationLagTicks, nodes, racks, node,
                failures, newJobs, scheduler, checkpointing, power, migration, telemetry);
    }

    public Scenario withCheckpointing(CheckpointSettings newCheckpointing) {
        return new Scenario(name, seed, start, tickSeconds, durationTicks, actuationLagTicks, nodes, racks, node,
                failures, jobs, scheduler, newCheckpointing, power, migration, telemetry);
    }

    public Scenario withTelemetry(TelemetrySettings newTelemetry) {
        return new Scenario(name, seed, start, tickSeconds, durationTicks, actuationLagTicks, nodes, racks, node,
                failures, jobs, scheduler, checkpointing, power, migration, newTelemetry);
    }

    /** Every problem with this scenario, each tied to its key path; empty when valid. */
    public Violations violations() {
        Violations v = new Violations();
        if (name == null || name.isBlank()) {
            v.add("name", "must not be blank");
        }
        if (start == null) {
            v.add("start", "is required");
        } else {
            try {
                Instant.parse(start);
            } catch (DateTimeParseException e) {
                v.add("start", "must be an ISO-8601 instant such as " + DEFAULT_START + ", got '" + start + "'");
            }
        }
        v.atLeast("tickSeconds", tickSeconds, 1);
        v.atLeast("durationTicks", durationTicks, 1);
        v.atLeast("actuationLagTicks", actuationLagTicks, 0);
        v.atLeast("nodes", nodes, 1);
        v.atLeast("racks", racks, 1);
        if (racks > nodes && nodes >= 1) {
            v.add("racks", "must be <= nodes (" + nodes + "), got " + racks);
        }
        v.notNull("node", node);
        if (node != null) {
            node.validate("node", v);
        }
        v.notNull("failures", failures);
        if (failures != null) {
            failures.validate("failures", v);
        }
        v.notNull("jobs", jobs);
        if (jobs != null) {
            jobs.validate("jobs", v, node);
        }
        if (jobs != null && node != null && jobs.vmsPerMpiJob() != null && jobs.coresPerVm() != null && nodes >= 1
                && jobs.mpiShare() > 0) {
            int largestVm = jobs.coresPerVm().stream().filter(c -> c != null).mapToInt(Integer::intValue).max().orElse(0);
            long largestJob = (long) jobs.vmsPerMpiJob().max() * largestVm;
            if (largestJob > totalCores()) {
                v.add("jobs.vmsPerMpiJob.max", "an MPI job of " + jobs.vmsPerMpiJob().max() + " VMs x " + largestVm
                        + " cores would not fit in the cluster (" + totalCores() + " cores)");
            }
        }
        v.notNull("scheduler", scheduler);
        if (scheduler != null) {
            scheduler.validate("scheduler", v);
        }
        v.notNull("checkpointing", checkpointing);
        if (checkpointing != null) {
            checkpointing.validate("checkpointing", v);
        }
        v.notNull("power", power);
        if (power != null) {
            power.validate("power", v);
        }
        v.notNull("migration", migration);
        if (migration != null) {
            migration.validate("migration", v);
        }
        v.notNull("telemetry", telemetry);
        if (telemetry != null) {
            telemetry.validate("telemetry", v);
        }
        return v;
    }

    /** Throws a {@link ScenarioException} naming the first invalid key, if any. */
    public Scenario validated() {
        Violations v = violations();
        if (!v.isEmpty()) {
            throw ScenarioException.of(name == null ? "scenario" : name, v);
        }
        return this;
    }
}
