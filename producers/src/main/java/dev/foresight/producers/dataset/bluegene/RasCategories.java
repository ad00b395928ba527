package dev.foresight.producers.dataset.bluegene;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces RAS messages to categories: the thousands of message templates of the LLNL log (file names,
 * register values and addresses vary) become about fifteen kinds of trouble, by subsystem. The rules are
 * tried in order on the message; the first that matches names the category. Link cards' and the control
 * system's (BGLMASTER) messages are {@code link-card} and {@code control-system} whatever they say; a
 * message that matches no rule is {@code monitor} (MONITOR) or {@code <component>-other}. The same rules classify failures and warnings.
 *
 * <p>Which categories become telemetry columns is not decided here but learned from the training files
 * (every category seen on a card), and stored in the recording's manifest.
 */
public final class RasCategories {

    private record Rule(String category, Pattern message) {
    }

    // Order matters: a kernel termination that mentions a bad message header is a panic, not a network error.
    private static final List<Rule> RULES = List.of(
            rule("fs-mount", "(?i)lustre mount failed|unable to mount filesystem"),
            rule("power", "(?i)power deactivated|power module"),
            rule("kernel-panic", "rts: kernel terminated|rts panic|rts internal error|rts assertion failed|kernel panic"),
            rule("network", "(?i)torus|tree network|link training|bad message header|packet index|greater than total|ethernet link"),
            rule("memory", "(?i)machine check|parity|\\becc\\b|correctable|\\bddr\\b|edram|memory manager|\\bL\\d major internal error"
                    + "|plb error|tlb error|cache|miscompare|qw trapped|scancom|capture (first|valid)|number of (lines|correctable)"),
            rule("boot", "(?i)microloader|validate_load_image|jtag|pll failed"),
            rule("service-network", "(?i)mailboxmonitor|lib_ido_error"),
            rule("job-kill", "(?i)kill job .* timed out"),
            rule("app-load", "ciod: (Error loading|LOGIN|Error creating node map)"),
            rule("app-io-stream", "ciod: (Error reading message prefix|failed to read message prefix)"),
            rule("kernel-interrupt", "(?i)interrupt|byte ordering|illegal instruction|imprecise exception|unimplemented operation"
                    + "|alignment|store gathering"),
            rule("kernel-register-dump", "(?i)register|^(lr|r?\\d+):[0-9a-f]|^0x[0-9a-f]+|^disable "));

    private RasCategories() {
    }

    private static Rule rule(String category, String regex) {
        return new Rule(category, Pattern.compile(regex));
    }

    /** The category of a message logged by a component. */
    public static String of(String component, String message) {
        // the link cards' and the control system's own messages mention parity, torus and the like: their
        // component says more than any keyword
        if (component.equals("LINKCARD")) {
            return "link-card";
        }
        if (component.equals("BGLMASTER")) {
            return "control-system";
        }
        for (Rule rule : RULES) {
            if (rule.message().matcher(message).find()) {
                return rule.category();
            }
        }
        return component.equals("MONITOR") ? "monitor" : component.toLowerCase(Locale.ROOT) + "-other";
    }

    /** The telemetry metric counting a category per tick, e.g. {@code ras_kernel_interrupt}. */
    public static String metric(String category) {
        return "ras_" + category.replace('-', '_');
    }
}
