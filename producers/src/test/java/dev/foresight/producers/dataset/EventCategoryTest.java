package dev.foresight.producers.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventCategoryTest {

    @Test
    void aCategoryWrittenIntoADetailIsReadBack() {
        String detail = EventCategory.detail("kernel-panic", "R22-M0-NE-C:J13-U01 KERNEL rts internal error; later text");

        assertThat(detail).startsWith("category=kernel-panic; R22-M0-NE-C");
        assertThat(EventCategory.of(detail)).contains("kernel-panic");
    }

    @Test
    void detailsWithoutThePrefixHaveNoCategory() {
        assertThat(EventCategory.of("backblaze failure=1 on 2013-04-24 (model ST31500541AS)")).isEmpty();
        assertThat(EventCategory.of((String) null)).isEmpty();
        assertThat(EventCategory.of("category=; x")).isEmpty();
    }

    @Test
    void theEventsCauseIsItsCategoryAndAnOlderDetailPrefixStillReads() {
        var event = dev.foresight.schemas.NodeEvent.newBuilder().setNodeId("n").setTimestamp(java.time.Instant.EPOCH)
                .setType(dev.foresight.schemas.NodeEventType.FAILED).setDetail(EventCategory.detail("kernel-panic", "x"));
        assertThat(EventCategory.of(event.setCause("memory").build())).contains("memory");
        assertThat(EventCategory.of(event.setCause(null).build())).contains("kernel-panic");
    }

    @Test
    void aNameThatWouldNotReadBackIsRefused() {
        assertThatThrownBy(() -> EventCategory.detail("a;b", "x")).hasMessageContaining("without ';'");
        assertThatThrownBy(() -> EventCategory.detail(" ", "x")).hasMessageContaining("non-empty");
    }
}
