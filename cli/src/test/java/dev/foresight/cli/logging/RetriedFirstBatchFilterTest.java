package dev.foresight.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URL;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetriedFirstBatchFilterTest {

    private static final String RETRIED = "Invalid sequence number for producer 0 at offset 21 in partition t-1: 19 "
            + "(incoming seq. number). Expected sequence 0 for transactions v2 idempotent producer with no existing state.";

    private LoggerContext context;
    private ListAppender<ILoggingEvent> seen;

    /** The CLI's own logback.xml, loaded into a private context, with a list appender at the root. */
    @BeforeEach
    void configureLikeTheCli() throws Exception {
        context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL cliConfig = getClass().getResource("/logback.xml");
        assertThat(cliConfig).as("the CLI's logback.xml on the classpath").isNotNull();
        configurator.doConfigure(cliConfig);
        seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(seen);
    }

    @Test
    void theRetriedFirstBatchOfATransactionIsNotShown() {
        broker().error("Error processing append operation on partition t-1", new OutOfOrderSequenceException(RETRIED));

        assertThat(seen.list).isEmpty();
    }

    @Test
    void aRealSequenceGapIsStillShown() {
        broker().error("Error processing append operation on partition t-1", new OutOfOrderSequenceException(
                "Out of order sequence number for producer 7 at offset 548171 in partition t-1: 51 (incoming seq. number), "
                        + "49 (current end sequence number)"));

        assertThat(seen.list).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("append operation"));
    }

    @Test
    void otherBrokerErrorsAreStillShown() {
        broker().error("Error processing append operation on partition t-1", new IllegalStateException(RETRIED));
        context.getLogger("kafka.server.KafkaApis").error("unrelated", new OutOfOrderSequenceException(RETRIED));

        assertThat(seen.list).hasSize(2);
    }

    private Logger broker() {
        return context.getLogger(RetriedFirstBatchFilter.LOGGER);
    }
}
