package dev.tollgate.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.testing.Schemas;
import java.util.List;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class LateEventFilterTest {
  private static final EventCatalog CATALOG = new EventCatalog(List.of(Schemas.TRANSACTION));

  @Test
  void routesEventsAtOrBehindTheWatermarkToRejected() throws Exception {
    Event early = Schemas.tx("early", "2026-03-01T09:00:00Z", "A1", "X", "1");
    Event onTime = Schemas.tx("on-time", "2026-03-01T09:00:00.001Z", "A1", "X", "1");
    try (OneInputStreamOperatorTestHarness<Event, Event> harness =
        ProcessFunctionTestHarnesses.forProcessFunction(new LateEventFilter(CATALOG))) {

      harness.processWatermark(new Watermark(early.ts()));
      harness.processElement(early, early.ts());
      harness.processElement(onTime, onTime.ts());

      assertThat(harness.extractOutputValues()).containsExactly(onTime);
      List<Rejected> late = harness.getSideOutput(LateEventFilter.LATE).stream().map(StreamRecord::getValue).toList();
      assertThat(late).singleElement().satisfies(rejected -> {
        assertThat(rejected.reason()).isEqualTo(RejectReason.LATE);
        assertThat(rejected.raw()).contains("\"id\":\"early\"");
        assertThat(rejected.detail()).contains("2026-03-01T09:00:00Z");
      });
    }
  }

  @Test
  void nothingIsLateBeforeTheFirstWatermark() throws Exception {
    Event ancient = Schemas.tx("old", "1970-01-01T00:00:00Z", "A1", "X", "1");
    try (OneInputStreamOperatorTestHarness<Event, Event> harness =
        ProcessFunctionTestHarnesses.forProcessFunction(new LateEventFilter(CATALOG))) {

      harness.processElement(ancient, ancient.ts());

      assertThat(harness.extractOutputValues()).containsExactly(ancient);
    }
  }

  @Test
  void rejectedRecordsAreFlinkPojosNotKryo() {
    assertThat(LateEventFilter.LATE.getTypeInfo()).isInstanceOf(PojoTypeInfo.class);
  }
}
