package dev.foresight.cluster.engine;

import dev.foresight.cluster.cost.MemoryTransfer;

/** A live migration in flight: the VM runs on its source while the target holds a reservation. */
final class Migration {

    final String commandId;
    final Vm vm;
    final Node source;
    final Node target;
    final MemoryTransfer transfer;
    final long startTick;

    Migration(String commandId, Vm vm, Node source, Node target, MemoryTransfer transfer, long startTick) {
        this.commandId = commandId;
        this.vm = vm;
        this.source = source;
        this.target = target;
        this.transfer = transfer;
        this.startTick = startTick;
    }
}
