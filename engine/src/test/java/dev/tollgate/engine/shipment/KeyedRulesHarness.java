package dev.tollgate.engine.shipment;

import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.pattern.PatternRulesOperator;
import dev.tollgate.engine.rules.RuleKeys;
import dev.tollgate.engine.window.WindowedRulesOperator;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The keyed operator the pipeline runs for one rule (a pattern operator or the windowed-rules
 * function), keyed and filtered by the rule's {@link RuleKeys}, in Flink's keyed operator test
 * harness: events in, watermarks by hand, alerts, keyed state entries and timers out.
 */
final class KeyedRulesHarness implements AutoCloseable {
  private final KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> harness;
  private final RuleKeys keys;

  KeyedRulesHarness(RulePlan rule, EventCatalog catalog) throws Exception {
    keys = RuleKeys.forRules(List.of(rule));
    OneInputStreamOperator<Event, Alert> operator = rule.body() instanceof RuleBody.Pattern
        ? new PatternRulesOperator(List.of(rule), new EventSerializer(catalog))
        : new WindowedRulesOperator(List.of(rule), catalog);
    harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, keys, Types.STRING);
    harness.setup(new AlertTypeInfo(catalog).createSerializer(new SerializerConfigImpl()));
    harness.open();
  }

  /** Sends the events the rule reads, as the pipeline's key filter would. */
  KeyedRulesHarness send(List<Event> events) throws Exception {
    for (Event event : events) {
      if (keys.filter(event)) {
        harness.processElement(event, event.ts());
      }
    }
    return this;
  }

  KeyedRulesHarness watermark(String iso) throws Exception {
    harness.processWatermark(Instant.parse(iso).toEpochMilli());
    return this;
  }

  List<Alert> alerts() {
    return harness.extractOutputValues();
  }

  int keyedStateEntries() {
    return harness.numKeyedStateEntries();
  }

  int eventTimeTimers() {
    return harness.numEventTimeTimers();
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
