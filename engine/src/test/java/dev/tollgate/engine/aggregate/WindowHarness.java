package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * The window operator exactly as {@link AggregateOperators} builds it (assigner, lateness, late
 * tag, aggregate and window functions), taken from the built job graph and run in Flink's keyed
 * operator test harness. The input filter is upstream of it, so events fed here must qualify.
 */
final class WindowHarness implements AutoCloseable {
  final KeyedOneInputStreamOperatorTestHarness<String, Event, WindowRecord> harness;
  private final OutputTag<Event> lateTag;

  @SuppressWarnings("unchecked")
  WindowHarness(AggregatePlan plan, Duration allowedLateness) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    EventTypeInfo eventType = new EventTypeInfo(Orders.CATALOG);
    AggregateStreams streams = AggregateOperators.build(
        env.fromData(List.of(Orders.order("x", "2026-03-01T00:00:00Z", "S", "DE", 1, "1")), eventType),
        plan, Orders.CATALOG, allowedLateness);
    OneInputTransformation<Event, WindowRecord> window =
        (OneInputTransformation<Event, WindowRecord>) streams.records().getTransformation();
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        (StreamOperatorFactory<WindowRecord>) window.getOperatorFactory(),
        (KeySelector<Event, String>) window.getStateKeySelector(),
        (TypeInformation<String>) window.getStateKeyType());
    lateTag = new OutputTag<>(AggregateOperators.uid(plan) + "/late", eventType);
    harness.open();
  }

  WindowHarness send(Event... events) throws Exception {
    for (Event event : events) {
      harness.processElement(new StreamRecord<>(event, event.ts()));
    }
    return this;
  }

  WindowHarness watermark(String iso) throws Exception {
    harness.processWatermark(Instant.parse(iso).toEpochMilli());
    return this;
  }

  List<WindowRecord> records() {
    return harness.extractOutputValues();
  }

  List<String> lateIds() {
    var late = harness.getSideOutput(lateTag);
    return late == null ? List.of() : late.stream().map(r -> r.getValue().id()).toList();
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
