package dev.foresight.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadFailurePolicyTest {

    private static final StreamsException MISSING =
            new StreamsException(new MissingSourceTopicException("Missing source topics. [t]"));

    @Test
    void aProcessingFailureShutsTheClientDown() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy();

        assertThat(policy.onFailure(new IllegalStateException("bug"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void missingSourceTopicsReplaceTheThreadABoundedNumberOfTimesUntilRunningAgain() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy();
        for (int i = 0; i < ThreadFailurePolicy.MAX_REPLACEMENTS; i++) {
            assertThat(policy.onFailure(MISSING)).as("failure %d", i).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(policy.onFailure(MISSING)).as("topics that stay missing").isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

        policy.onRunning();

        assertThat(policy.onFailure(MISSING)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
