package dev.foresight.cluster.engine;

/** One VM of a job; placed ({@code host != null}) only while its job runs. */
final class Vm {

    final String id;
    final Job job;
    Node host;
    Migration migration;

    Vm(String id, Job job) {
        this.id = id;
        this.job = job;
    }

    int cores() {
        return job.spec.coresPerVm();
    }

    long memoryMb() {
        return job.spec.memoryPerVmMb();
    }
}
