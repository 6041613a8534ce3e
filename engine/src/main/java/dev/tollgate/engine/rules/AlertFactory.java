package dev.tollgate.engine.rules;

import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertIds;
import dev.tollgate.engine.event.Event;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the alerts of one rule: what every firing of it has in common, prepared once. */
public final class AlertFactory {
  private final RulePlan rule;
  private final String[] keyNames;

  public AlertFactory(RulePlan rule) {
    this.rule = rule;
    this.keyNames = rule.key().fields().toArray(String[]::new);
  }

  /**
   * @param keyValues the key's values in key order (empty for single-event rules)
   * @param events the matched events in event-time order
   */
  public Alert create(Object[] keyValues, List<Event> events, String message, long eventTime) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (int i = 0; i < keyNames.length; i++) {
      key.put(keyNames[i], keyValues[i]);
    }
    String alertId = AlertIds.of(rule.id(), rule.version(), Arrays.asList(keyValues), events);
    return new Alert(alertId, rule.id(), rule.version(), rule.metadata().severity(), rule.metadata().category(),
        rule.metadata().mode(), key, message, eventTime, events, rule.metadata().tags());
  }
}
