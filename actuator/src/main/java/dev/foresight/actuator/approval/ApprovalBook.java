package dev.foresight.actuator.approval;

import dev.foresight.actuator.policy.Decision;
import dev.foresight.actuator.policy.Proposal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commands awaiting an operator's approval. A command is held once: the same change proposed again
 * while it waits is not queued twice. Unanswered commands expire, since the cluster they were decided
 * for moves on.
 */
public final class ApprovalBook {

    /** A held command and the tick it started waiting. */
    public record Waiting(Decision decision, long since) {}

    /** What a batch of answers did: commands to release now, denials, and answers matching nothing. */
    public record Answers(List<Released> approved, List<Released> denied, List<Approval> unmatched) {}

    /** A held command and the answer that released it. */
    public record Released(Decision decision, Approval approval) {}

    private final Map<String, Waiting> waiting = new TreeMap<>();

    public void hold(Decision decision, long tick) {
        waiting.put(decision.commandId(), new Waiting(decision, tick));
    }

    /** True if the same change is already waiting for an answer. */
    public boolean holds(Proposal proposal) {
        return waiting.values().stream().anyMatch(w -> w.decision().proposal().sameChange(proposal));
    }

    public Answers answer(List<Approval> approvals) {
        List<Released> approved = new ArrayList<>();
        List<Released> denied = new ArrayList<>();
        List<Approval> unmatched = new ArrayList<>();
        for (Approval approval : approvals) {
            Waiting held = waiting.remove(approval.commandId());
            if (held == null) {
                unmatched.add(approval);
            } else if (approval.verdict() == Approval.Verdict.APPROVED) {
                approved.add(new Released(held.decision(), approval));
            } else {
                denied.add(new Released(held.decision(), approval));
            }
        }
        return new Answers(approved, denied, unmatched);
    }

    /** Removes and returns the commands that waited {@code timeoutTicks} or more. */
    public List<Waiting> expire(long tick, int timeoutTicks) {
        List<Waiting> expired = new ArrayList<>();
        for (Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (tick - w.since() >= timeoutTicks) {
                expired.add(w);
                it.remove();
            }
        }
        return expired;
    }

    public List<Waiting> waiting() {
        return List.copyOf(waiting.values());
    }

    public static ApprovalBook restore(List<Waiting> saved) {
        ApprovalBook book = new ApprovalBook();
        saved.forEach(w -> book.waiting.put(w.decision().commandId(), w));
        return book;
    }
}
