package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventSerializer;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** Drives a {@link PatternRulesOperator} through Flink's keyed operator test harness. */
final class PatternHarness implements AutoCloseable {
  /** Every test event carries its key (card or shipment) at position 2. */
  private static final KeySelector<Event, String> KEY = event -> (String) event.get(2);

  private final KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> harness;
  private long checkpointId;

  private PatternHarness(List<RulePlan> rules, OperatorSubtaskState restoreFrom) throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new PatternRulesOperator(rules, eventSerializer()), KEY, Types.STRING);
    harness.setup(new AlertTypeInfo(PatternPlans.CATALOG).createSerializer(new SerializerConfigImpl()));
    if (restoreFrom != null) {
      harness.initializeState(restoreFrom);
    }
    harness.open();
  }

  static PatternHarness running(RulePlan... rules) throws Exception {
    return new PatternHarness(List.of(rules), null);
  }

  static PatternHarness restoredFrom(OperatorSubtaskState snapshot, RulePlan... rules) throws Exception {
    return new PatternHarness(List.of(rules), snapshot);
  }

  static TypeSerializer<Event> eventSerializer() {
    return new EventSerializer(PatternPlans.CATALOG);
  }

  PatternHarness send(Event... events) throws Exception {
    for (Event event : events) {
      harness.processElement(event, event.ts());
    }
    return this;
  }

  PatternHarness watermark(long timestamp) throws Exception {
    harness.processWatermark(timestamp);
    return this;
  }

  /** A bounded input ends: Flink sends the final {@code Long.MAX_VALUE} watermark. */
  PatternHarness endOfInput() throws Exception {
    harness.processWatermark(Long.MAX_VALUE);
    return this;
  }

  List<Alert> alerts() {
    return harness.extractOutputValues();
  }

  /** Ids of each alert's events, in alert order. */
  List<List<String>> alertEventIds() {
    return alerts().stream().map(a -> a.events().stream().map(Event::id).toList()).toList();
  }

  int keyedStateEntries() {
    return harness.numKeyedStateEntries();
  }

  int eventTimeTimers() {
    return harness.numEventTimeTimers();
  }

  OperatorSubtaskState snapshot() throws Exception {
    checkpointId++;
    return harness.snapshot(checkpointId, checkpointId);
  }

  @Override
  public void close() {
    try {
      harness.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the test harness failed", e);
    }
  }
}
