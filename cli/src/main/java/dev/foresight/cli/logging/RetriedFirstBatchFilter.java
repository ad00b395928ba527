package dev.foresight.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.slf4j.Marker;

/**
 * Keeps one benign broker error out of the user's terminal. With transactions v2 (KIP-890) a partition
 * joins a transaction with its first produce request; when a later batch of the same producer reaches a
 * partition before the first one, the broker refuses it with a retriable {@link OutOfOrderSequenceException}
 * ("Expected sequence 0 ... with no existing state", KAFKA-18202), the producer resends in order and nothing is
 * lost or duplicated. The embedded broker's {@code ReplicaManager} nevertheless logs each refusal at ERROR with a
 * stack trace, which reads like data loss at the start of every demo run. Only that message is denied: any other
 * out-of-order sequence error (a real gap) is still shown.
 */
public final class RetriedFirstBatchFilter extends TurboFilter {

    static final String LOGGER = "kafka.server.ReplicaManager";
    static final String SIGNATURE = "with no existing state";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (t == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            t = last;
        }
        boolean benign = t instanceof OutOfOrderSequenceException
                && LOGGER.equals(logger.getName())
                && t.getMessage() != null && t.getMessage().contains(SIGNATURE);
        return benign ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
