package dev.foresight.actuator.policy;

import dev.foresight.actuator.settings.PolicyKind;
import java.util.List;

/**
 * One decision policy: a pure function of the planning context (plus the context's shared ledger,
 * which it updates for the room it uses). Proposals come out in a deterministic order.
 */
public interface Policy {

    PolicyKind kind();

    List<Proposal> propose(PlanningContext context);
}
