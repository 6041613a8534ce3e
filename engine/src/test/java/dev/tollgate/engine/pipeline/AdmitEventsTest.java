package dev.tollgate.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.engine.testing.Schemas;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmitEventsTest {
  private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
  private static final EventCatalog CATALOG = new EventCatalog(List.of(Schemas.TRANSACTION));

  private OneInputStreamOperatorTestHarness<RawRecord, Event> harness;
  private long offset;

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void judgesLatenessAgainstTheEventsOwnPartition() throws Exception {
    open(PipelineOptions.live(Duration.ofSeconds(5), Duration.ZERO));
    send("events", 0, "a1", 3600);
    send("events", 1, "b1", 0);
    send("events", 1, "b2", 10);
    send("events", 0, "a2", 3597);
    send("events", 0, "a3", 3590);

    assertThat(admittedIds()).containsExactly("a1", "b1", "b2", "a2");
    assertThat(rejected()).singleElement().satisfies(rejected -> {
      assertThat(rejected.reason()).isEqualTo(RejectReason.LATE);
      assertThat(rejected.origin().toString()).isEqualTo("events/0@4");
      assertThat(rejected.detail()).contains("behind the latest event of its partition");
    });
  }

  @Test
  void theWatermarkFollowsTheSlowestPartition() throws Exception {
    open(new PipelineOptions(Duration.ofSeconds(5), Duration.ZERO, 1, false));
    send("events", 1, "b1", 60);
    send("events", 0, "a1", 3600);
    send("events", 1, "b2", 120);

    assertThat(watermarks()).containsExactly(millis(55) - 1, millis(115) - 1);
    assertThat(admittedIds()).containsExactly("b1", "a1", "b2");
  }

  @Test
  void aQuietPartitionStopsHoldingEventTimeBackAndItsLaterEventsAreLate() throws Exception {
    open(new PipelineOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), 1, false));
    harness.setProcessingTime(0);
    send("events", 1, "b1", 0);
    send("events", 0, "a1", 60);
    assertThat(watermarks()).containsExactly(millis(-5) - 1);

    harness.setProcessingTime(5_000);
    send("events", 0, "a2", 120);
    harness.setProcessingTime(12_000);
    assertThat(watermarks()).as("partition 1 quiet for 10 s").last().isEqualTo(millis(115) - 1);

    send("events", 1, "b2", 30);
    send("events", 1, "b3", 200);
    assertThat(admittedIds()).containsExactly("b1", "a1", "a2", "b3");
    assertThat(rejected()).singleElement().satisfies(rejected -> {
      assertThat(rejected.origin().toString()).isEqualTo("events/1@3");
      assertThat(rejected.detail()).contains("is not after the event time the job already reached");
    });
  }

  @Test
  void declaresTheSubtaskIdleWhenEveryPartitionIsQuiet() throws Exception {
    open(PipelineOptions.live(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    harness.setProcessingTime(0);
    send("events", 0, "a1", 60);
    harness.setProcessingTime(11_000);

    assertThat(harness.getOutput()).contains(WatermarkStatus.IDLE);
    send("events", 0, "a2", 61);
    assertThat(harness.getOutput()).contains(WatermarkStatus.ACTIVE);
  }

  @Test
  void aFileIsOnePartitionInInputOrder() throws Exception {
    open(new PipelineOptions(Duration.ofSeconds(5), Duration.ZERO, 2, true));
    harness.processElement(new StreamRecord<>(RawRecord.fileLine("events.jsonl", 1, tx("e1", 100))));
    harness.processElement(new StreamRecord<>(RawRecord.fileLine("events.jsonl", 2, tx("e2", 96))));
    harness.processElement(new StreamRecord<>(RawRecord.fileLine("events.jsonl", 3, tx("e3", 94))));

    assertThat(admittedIds()).containsExactly("e1", "e2");
    assertThat(rejected()).singleElement().satisfies(rejected -> assertThat(rejected.origin().toString())
        .isEqualTo("events.jsonl:3"));
    assertThat(watermarks()).containsExactly(millis(95) - 1);
  }

  private void open(PipelineOptions options) throws Exception {
    harness = new OneInputStreamOperatorTestHarness<>(new AdmitEvents(CATALOG, null, options, Outputs.REJECTED));
    harness.open();
  }

  private void send(String topic, int partition, String id, long secondsAfterT) throws Exception {
    harness.processElement(new StreamRecord<>(new RawRecord(tx(id, secondsAfterT), topic, partition, offset++, null)));
  }

  private static String tx(String id, long secondsAfterT) {
    return "{\"event\":\"Transaction\",\"id\":\"" + id + "\",\"ts\":" + millis(secondsAfterT) + ",\"accountId\":\"A1\"}";
  }

  private static long millis(long secondsAfterT) {
    return T.toEpochMilli() + secondsAfterT * 1000;
  }

  private List<String> admittedIds() {
    return harness.extractOutputValues().stream().map(Event::id).toList();
  }

  private List<Rejected> rejected() {
    List<Rejected> rejected = new ArrayList<>();
    harness.getSideOutput(Outputs.REJECTED).forEach(record -> rejected.add(record.getValue()));
    return rejected;
  }

  private List<Long> watermarks() {
    List<Long> watermarks = new ArrayList<>();
    for (Object element : harness.getOutput()) {
      if (element instanceof Watermark watermark) {
        watermarks.add(watermark.getTimestamp());
      }
    }
    return watermarks;
  }
}
