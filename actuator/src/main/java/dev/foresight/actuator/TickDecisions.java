package dev.foresight.actuator;

import dev.foresight.actuator.audit.AuditEntry;
import java.util.List;

/**
 * What one tick produced.
 *
 * @param commands to publish, in order (may be empty: the tick marker still follows)
 * @param audit every decision of the tick and what became of it, plus outcomes received
 */
public record TickDecisions(long tick, List<IssuedCommand> commands, List<AuditEntry> audit) {

    public TickDecisions {
        commands = List.copyOf(commands);
        audit = List.copyOf(audit);
    }
}
