package dev.foresight.producers.dataset.lanl;

import java.util.List;

/**
 * One system's failure laws checked forward: fitted on an earlier file, tested on a later one.
 *
 * @param system      the system number
 * @param later       the later file's own censored fit of node uptime (what the law became)
 * @param checks      each earlier fit (whole file, recent window) tested on the later uptimes
 * @param notes       what could not be fitted or tested, and why
 */
public record SystemValidation(String system, CensoredWeibull later, List<ForwardCheck> checks, List<String> notes) {

    public SystemValidation {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }
}
