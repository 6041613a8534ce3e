package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * The window operators exactly as {@link AggregateOperators} builds them (assigner, trigger,
 * lateness, late tag, aggregate and window functions), taken from the built job graph and run in
 * Flink's keyed operator test harness. Sliding windows have two stages (panes, then windows): the
 * panes a watermark closes are handed to the second stage before that watermark, as on a cluster.
 * The input filter is upstream, so events fed here must qualify.
 */
final class WindowHarness implements AutoCloseable {
  /** The operator that receives events: the window operator, or the pane stage of a sliding window. */
  private final KeyedOneInputStreamOperatorTestHarness<String, Event, Object> first;
  /** The sliding windows over panes; null for one-stage windows. */
  private final KeyedOneInputStreamOperatorTestHarness<String, Object, WindowRecord> second;
  private final OutputTag<Event> lateTag;
  private int handedOver;

  WindowHarness(AggregatePlan plan, Duration allowedLateness) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    EventTypeInfo eventType = new EventTypeInfo(Orders.CATALOG);
    AggregateStreams streams = AggregateOperators.build(
        env.fromData(List.of(Orders.order("x", "2026-03-01T00:00:00Z", "S", "DE", 1, "1")), eventType),
        null, plan, Orders.CATALOG, allowedLateness);
    OneInputTransformation<?, ?> windows = (OneInputTransformation<?, ?>) streams.records().getTransformation();
    Transformation<?> input = windows.getInputs().get(0);
    if (input instanceof PartitionTransformation<?> partition
        && partition.getInputs().get(0) instanceof OneInputTransformation<?, ?> panes
        && panes.getStateKeySelector() != null) {
      first = open(panes);
      second = open(windows);
    } else {
      first = open(windows);
      second = null;
    }
    lateTag = new OutputTag<>(AggregateOperators.uid(plan) + "/late", eventType);
  }

  @SuppressWarnings("unchecked")
  private static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> open(OneInputTransformation<?, ?> operator)
      throws Exception {
    var harness = new KeyedOneInputStreamOperatorTestHarness<>(
        (StreamOperatorFactory<O>) operator.getOperatorFactory(),
        (KeySelector<I, String>) operator.getStateKeySelector(),
        (TypeInformation<String>) operator.getStateKeyType());
    harness.open();
    return harness;
  }

  WindowHarness send(Event... events) throws Exception {
    for (Event event : events) {
      first.processElement(new StreamRecord<>(event, event.ts()));
    }
    return this;
  }

  WindowHarness watermark(String iso) throws Exception {
    return watermark(Instant.parse(iso).toEpochMilli());
  }

  /** A bounded input ends: the final {@code Long.MAX_VALUE} watermark. */
  WindowHarness endOfInput() throws Exception {
    return watermark(Long.MAX_VALUE);
  }

  @SuppressWarnings("unchecked")
  private WindowHarness watermark(long timestamp) throws Exception {
    first.processWatermark(timestamp);
    if (second != null) {
      List<Object> output = List.copyOf(first.getOutput());
      for (Object element : output.subList(handedOver, output.size())) {
        if (element instanceof StreamRecord<?> pane) {
          second.processElement((StreamRecord<Object>) pane);
        }
      }
      handedOver = output.size();
      second.processWatermark(timestamp);
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  List<WindowRecord> records() {
    return second != null ? second.extractOutputValues() : (List<WindowRecord>) (List<?>) first.extractOutputValues();
  }

  List<String> lateIds() {
    var late = first.getSideOutput(lateTag);
    return late == null ? List.of() : late.stream().map(r -> r.getValue().id()).toList();
  }

  int keyedStateEntries() {
    return first.numKeyedStateEntries() + (second == null ? 0 : second.numKeyedStateEntries());
  }

  int eventTimeTimers() {
    return first.numEventTimeTimers() + (second == null ? 0 : second.numEventTimeTimers());
  }

  @Override
  public void close() throws Exception {
    first.close();
    if (second != null) {
      second.close();
    }
  }
}
