package dev.tollgate.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.eval.ValueFormat;
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
  /** Replays read a file, live pipelines Kafka partition 0 of topic "events". */
  private boolean fromFile;
  private long offset;

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void replayJudgesLatenessByInputOrderAndMakesItsOwnWatermarks() throws Exception {
    open(new PipelineOptions(Duration.ofSeconds(5), Duration.ZERO, 2, true));
    send("e1", 100);
    send("e2", 96);
    send("e3", 94);
    harness.processWatermark(new Watermark(Long.MAX_VALUE));

    assertThat(admittedIds()).containsExactly("e1", "e2");
    assertThat(rejected()).singleElement().satisfies(rejected -> {
      assertThat(rejected.reason()).isEqualTo(RejectReason.LATE);
      assertThat(rejected.origin().toString()).isEqualTo("events.jsonl:3");
      assertThat(rejected.detail()).contains("more than 5000 ms behind the latest event");
    });
    // at the end of input, event time reaches the latest event before the final watermark
    assertThat(watermarks()).containsExactly(millis(95) - 1, millis(100), Long.MAX_VALUE);
  }

  @Test
  void replayIgnoresWatermarksFromItsInputButTheEnd() throws Exception {
    open(PipelineOptions.replay(Duration.ofSeconds(5)));
    harness.processWatermark(new Watermark(millis(500)));
    send("e1", 100);

    assertThat(admittedIds()).containsExactly("e1");
    assertThat(watermarks()).isEmpty();
  }

  @Test
  void replayOfAStripeJudgesLatenessByEveryEarlierLineOfTheFile() throws Exception {
    open(new PipelineOptions(Duration.ofSeconds(5), Duration.ZERO, 1, true));
    send("e1", 100);
    // lines of other stripes in between reached 130
    sendAfter("e2", 126, millis(130));
    sendAfter("e3", 124, millis(130));

    assertThat(admittedIds()).containsExactly("e1", "e2");
    assertThat(rejected()).singleElement().satisfies(rejected -> assertThat(rejected.detail())
        .contains("more than 5000 ms behind the latest event (" + ValueFormat.timestamp(millis(130)) + ")"));
    assertThat(watermarks()).containsExactly(millis(95) - 1, millis(125) - 1);
  }

  @Test
  void replayEndsAtTheLatestTimeTheWholeFileReached() throws Exception {
    open(PipelineOptions.replay(Duration.ofSeconds(5)));
    send("e1", 100);
    harness.processWatermark(new Watermark(millis(140)));
    harness.processWatermark(new Watermark(Long.MAX_VALUE));

    assertThat(watermarks()).containsExactly(millis(140), Long.MAX_VALUE);
  }

  @Test
  void liveRejectsEventsNotAfterTheSourcesWatermarkAndPassesItOn() throws Exception {
    open(PipelineOptions.live(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    send("e1", 100);
    harness.processWatermark(new Watermark(millis(95) - 1));
    send("e2", 95);
    send("e3", 90);
    harness.processWatermark(new Watermark(millis(80)));

    assertThat(admittedIds()).containsExactly("e1", "e2");
    assertThat(rejected()).singleElement().satisfies(rejected -> {
      assertThat(rejected.origin().toString()).isEqualTo("events/0@2");
      assertThat(rejected.detail()).contains("is not after the watermark");
    });
    assertThat(watermarks()).as("never backwards").containsExactly(millis(95) - 1);
  }

  @Test
  void livePassesIdlenessOn() throws Exception {
    open(PipelineOptions.live(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    harness.processWatermarkStatus(WatermarkStatus.IDLE);

    assertThat(harness.getOutput()).contains(WatermarkStatus.IDLE);
  }

  @Test
  void rejectsWhatCannotBeDecodedWithItsRawText() throws Exception {
    open(PipelineOptions.live(Duration.ofSeconds(5), Duration.ZERO));
    harness.processElement(new StreamRecord<>(new RawRecord("{\"id\":\"x\"", "events", 1, 7, null)));

    assertThat(rejected()).singleElement().satisfies(rejected -> {
      assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_JSON);
      assertThat(rejected.raw()).isEqualTo("{\"id\":\"x\"");
      assertThat(rejected.origin().toString()).isEqualTo("events/1@7");
    });
  }

  private void open(PipelineOptions options) throws Exception {
    fromFile = options.deterministic();
    harness = new OneInputStreamOperatorTestHarness<>(new AdmitEvents(CATALOG, null, options, Outputs.REJECTED));
    harness.open();
  }

  private void send(String id, long secondsAfterT) throws Exception {
    sendAfter(id, secondsAfterT, Long.MIN_VALUE);
  }

  /** A record whose earlier lines in the file reached {@code eventTimeBefore}. */
  private void sendAfter(String id, long secondsAfterT, long eventTimeBefore) throws Exception {
    String text = "{\"event\":\"Transaction\",\"id\":\"" + id + "\",\"ts\":" + millis(secondsAfterT) + ",\"accountId\":\"A1\"}";
    long position = offset++;
    RawRecord raw = fromFile ? RawRecord.fileLine("events.jsonl", position + 1, text)
        : new RawRecord(text, "events", 0, position, null);
    raw.eventTimeBefore = eventTimeBefore;
    harness.processElement(new StreamRecord<>(raw));
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
