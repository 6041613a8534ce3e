package dev.tollgate.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.testing.Schemas;
import java.util.List;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;

class WindowClosedRejectsTest {
  @Test
  void reportsAnEventAWindowRefusedAsLateWithTheEventReEncoded() throws Exception {
    WindowClosedRejects rejects = new WindowClosedRejects(new EventCatalog(List.of(Schemas.TRANSACTION)), "demand.hourly");
    rejects.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
    rejects.open(DefaultOpenContext.INSTANCE);

    Rejected rejected = rejects.map(Schemas.tx("t1", "2026-03-01T10:00:00Z", "A1", "WIRE", "12.50"));

    assertThat(rejected.reason()).isEqualTo(RejectReason.LATE);
    assertThat(rejected.detail()).isEqualTo(
        "ts 2026-03-01T10:00:00Z is after the close of its window of aggregate demand.hourly");
    assertThat(rejected.raw()).contains("\"id\":\"t1\"").contains("\"amount\":12.50");
    assertThat(rejected.origin()).isEqualTo(Origin.UNKNOWN);
  }
}
