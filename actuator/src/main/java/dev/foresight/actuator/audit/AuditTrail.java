package dev.foresight.actuator.audit;

import dev.foresight.actuator.audit.AuditEntry.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Questions an operator asks of an audit trail read back in order. */
public final class AuditTrail {

    private AuditTrail() {}

    /** Commands still awaiting an answer: held, and neither answered, expired nor dropped since. */
    public static List<AuditEntry> awaitingApproval(List<AuditEntry> trail) {
        Map<String, AuditEntry> open = new LinkedHashMap<>();
        for (AuditEntry entry : trail) {
            if (entry.stage() == Stage.AWAITING_APPROVAL) {
                open.put(entry.commandId(), entry);
            } else if (entry.stage() == Stage.APPROVED || entry.stage() == Stage.DENIED
                    || entry.stage() == Stage.EXPIRED || entry.stage() == Stage.DROPPED) {
                open.remove(entry.commandId());
            }
        }
        return new ArrayList<>(open.values());
    }
}
