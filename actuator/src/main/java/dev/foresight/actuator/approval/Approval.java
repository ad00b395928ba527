package dev.foresight.actuator.approval;

/**
 * An operator's answer to a command awaiting approval (automation level APPROVE). Published to the
 * approvals topic keyed by command id (see {@code ApprovalPublisher}); the actuator acts on it at the
 * next tick it decides.
 *
 * @param commandId the id from the AWAITING_APPROVAL audit entry
 * @param operator who decided, for the audit trail
 * @param note free text, may be null
 */
public record Approval(String commandId, Verdict verdict, String operator, String note) {

    /** The operator's answer. */
    public enum Verdict { APPROVED, DENIED }

    public Approval {
        if (commandId == null || commandId.isBlank()) {
            throw new IllegalArgumentException("an approval needs the id of the command it answers");
        }
        if (verdict == null) {
            throw new IllegalArgumentException("approval of " + commandId + " needs a verdict (APPROVED or DENIED)");
        }
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("approval of " + commandId + " needs the operator's name");
        }
    }

    public static Approval approve(String commandId, String operator, String note) {
        return new Approval(commandId, Verdict.APPROVED, operator, note);
    }

    public static Approval deny(String commandId, String operator, String note) {
        return new Approval(commandId, Verdict.DENIED, operator, note);
    }

    public String describe() {
        return verdict.name().toLowerCase(java.util.Locale.ROOT) + " by " + operator + (note == null || note.isBlank() ? "" : ": " + note);
    }
}
