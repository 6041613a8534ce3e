package dev.tollgate.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.aggregate.CountedByAggregates;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.source.RawRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/** The admission operator's lateness bounds, its aggregates-only output, and the end of input. */
class AdmitEventsAggregateLatenessTest {
  private static final String RULES = """
      event Order { id: string  ts: timestamp  sku: string  quantity: long  status: string }
      event Payment { id: string  ts: timestamp  cardId: string }
      aggregate demand.by_sku {
        on Order
        where status == "PLACED"
        group by sku
        window tumbling 1h
        select count() as orders
      }
      """;

  private static final RuleSetPlan PLAN = compile();
  private static final EventCatalog CATALOG = new EventCatalog(PLAN.eventTypes());
  private static final OutputTag<Event> AGGREGATES_ONLY = Outputs.aggregatesOnly(CATALOG);

  private static RuleSetPlan compile() {
    Compilation compilation = new RuleSetCompiler().compileText("demand.rule", RULES, Path.of("."), Map.of());
    assertThat(compilation.diagnostics().sorted()).isEmpty();
    return compilation.plan();
  }

  private static OneInputStreamOperatorTestHarness<RawRecord, Event> admit(Duration aggregateLateness) throws Exception {
    PipelineOptions options = PipelineOptions.replay(Duration.ofSeconds(5)).withAggregateLateness(aggregateLateness);
    var harness = new OneInputStreamOperatorTestHarness<>(new AdmitEvents(CATALOG, null, options, Outputs.REJECTED,
        new CountedByAggregates(PLAN.aggregates()), AGGREGATES_ONLY));
    harness.open();
    return harness;
  }

  private int line;

  private void send(OneInputStreamOperatorTestHarness<RawRecord, Event> h, String json) throws Exception {
    h.processElement(new StreamRecord<>(RawRecord.fileLine("in.jsonl", ++line, json)));
  }

  private static String order(String id, String iso, String status) {
    return "{\"event\":\"Order\",\"id\":\"" + id + "\",\"ts\":\"" + iso + "\",\"sku\":\"S1\",\"quantity\":1,\"status\":\"" + status + "\"}";
  }

  private static List<String> ids(ConcurrentLinkedQueue<StreamRecord<Event>> records) {
    return records == null ? List.of() : records.stream().map(r -> r.getValue().id()).toList();
  }

  private static List<Rejected> rejected(OneInputStreamOperatorTestHarness<RawRecord, Event> h) {
    var records = h.getSideOutput(Outputs.REJECTED);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void anEventWithinTheAggregateLatenessThatAnAggregateCountsGoesToTheAggregatesOnly() throws Exception {
    try (var h = admit(Duration.ofMinutes(10))) {
      send(h, order("o1", "2026-03-01T11:00:00Z", "PLACED"));
      send(h, order("counted", "2026-03-01T10:51:00Z", "PLACED"));

      assertThat(h.extractOutputValues()).extracting(Event::id).containsExactly("o1");
      assertThat(ids(h.getSideOutput(AGGREGATES_ONLY))).containsExactly("counted");
      assertThat(rejected(h)).isEmpty();
    }
  }

  @Test
  void anEventWithinTheLatenessThatNoAggregateCountsIsRejectedAsLate() throws Exception {
    try (var h = admit(Duration.ofMinutes(10))) {
      send(h, order("o1", "2026-03-01T11:00:00Z", "PLACED"));
      send(h, order("cancelled", "2026-03-01T10:55:00Z", "CANCELLED"));
      send(h, "{\"event\":\"Payment\",\"id\":\"p1\",\"ts\":\"2026-03-01T10:55:00Z\",\"cardId\":\"C1\"}");

      assertThat(ids(h.getSideOutput(AGGREGATES_ONLY))).isEmpty();
      assertThat(rejected(h)).hasSize(2).allSatisfy(r -> {
        assertThat(r.reason().code()).isEqualTo("late");
        assertThat(r.detail()).contains("within the aggregate lateness, but no aggregate counts it");
      });
      assertThat(rejected(h)).extracting(r -> r.origin().toString()).containsExactly("in.jsonl:" + (line - 1), "in.jsonl:" + line);
    }
  }

  @Test
  void anEventBeyondOutOfOrdernessPlusLatenessIsRejectedWithItsRawText() throws Exception {
    try (var h = admit(Duration.ofMinutes(10))) {
      send(h, order("o1", "2026-03-01T11:00:00Z", "PLACED"));
      String tooLate = order("too-late", "2026-03-01T10:49:54.999Z", "PLACED");
      send(h, tooLate);
      send(h, order("just-in", "2026-03-01T10:49:55Z", "PLACED"));

      assertThat(rejected(h)).singleElement().satisfies(r -> {
        assertThat(r.raw()).isEqualTo(tooLate);
        assertThat(r.reason().code()).isEqualTo("late");
      });
      assertThat(ids(h.getSideOutput(AGGREGATES_ONLY))).containsExactly("just-in");
    }
  }

  @Test
  void withoutAggregateLatenessEveryEventBeyondTheOutOfOrdernessIsRejected() throws Exception {
    try (var h = admit(Duration.ZERO)) {
      send(h, order("o1", "2026-03-01T11:00:00Z", "PLACED"));
      send(h, order("o2", "2026-03-01T10:59:54Z", "PLACED"));

      assertThat(ids(h.getSideOutput(AGGREGATES_ONLY))).isEmpty();
      assertThat(rejected(h)).extracting(r -> r.reason().code()).containsExactly("late");
    }
  }

  @Test
  void atTheEndOfInputEventTimeReachesTheLatestEventBeforeTheFinalWatermark() throws Exception {
    try (var h = admit(Duration.ZERO)) {
      send(h, order("o1", "2026-03-01T11:00:00Z", "PLACED"));
      send(h, order("o2", "2026-03-01T10:59:58Z", "PLACED"));
      h.processWatermark(new Watermark(Long.MAX_VALUE));

      List<Long> watermarks = new ArrayList<>();
      for (Object element : h.getOutput()) {
        if (element instanceof Watermark watermark) {
          watermarks.add(watermark.getTimestamp());
        }
      }
      assertThat(watermarks).containsExactly(Instant.parse("2026-03-01T11:00:00Z").toEpochMilli(), Long.MAX_VALUE);
    }
  }
}
