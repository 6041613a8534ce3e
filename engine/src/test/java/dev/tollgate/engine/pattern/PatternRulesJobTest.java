package dev.tollgate.engine.pattern;

import static dev.tollgate.engine.pattern.PatternPlans.cardTesting;
import static dev.tollgate.engine.pattern.PatternPlans.payment;
import static dev.tollgate.engine.pattern.PatternPlans.scan;
import static dev.tollgate.engine.pattern.PatternPlans.stalledAfterDispatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/** Pattern rules in a real bounded Flink job: watermarks, parallelism and the end of the input. */
class PatternRulesJobTest {

  @Test
  @SuppressWarnings("try") // the collecting iterator's close() may be interrupted
  void aBoundedJobFiresRealMatchesButNoAbsenceTheInputNeverReached() throws Exception {
    List<Event> input =
        List.of(
            payment("p1", "03-01T09:00", "C1", "US", "1"),
            payment("p2", "03-01T09:01", "C1", "US", "1"),
            payment("p3", "03-01T09:02", "C1", "US", "1"),
            payment("hit", "03-01T09:03", "C1", "FR", "900"),
            scan("stalled", "03-01T09:00", "SH1", "DISPATCHED"),
            scan("recent", "03-02T12:00", "SH2", "DISPATCHED"),
            scan("last", "03-03T10:00", "SH3", "CREATED"));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    var events =
        env.fromData(input, new EventTypeInfo(PatternPlans.CATALOG))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                    .withTimestampAssigner((event, previous) -> event.ts()))
            .keyBy(event -> (String) event.get(2));
    var alerts =
        PatternRulesOperator.attach(
            events, List.of(cardTesting().build(), stalledAfterDispatch().build()), PatternPlans.CATALOG);

    List<Alert> collected = new ArrayList<>();
    try (CloseableIterator<Alert> results = alerts.executeAndCollect("pattern rules")) {
      results.forEachRemaining(collected::add);
    }

    // SH1's silence ended at 03-03T09:00, before the last event; SH2's would end after the input.
    assertThat(collected)
        .extracting(Alert::ruleId, Alert::eventIds)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("fraud.card_testing", List.of("p1", "p2", "p3", "hit")),
            org.assertj.core.groups.Tuple.tuple("shipment.stalled_after_dispatch", List.of("stalled")));
  }
}
