package dev.tollgate.engine.rules;

import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.event.Event;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The partition key of rules that share key fields, as a String built from field positions per
 * event type. Use it as both filter and key selector, {@code events.filter(keys).keyBy(keys)}:
 * events of a type the rules do not read, or with a null key field, have no key and are dropped
 * by the filter (such an event cannot match a keyed rule).
 *
 * <p>One key field gives the value's text itself (no allocation for strings); several give
 * {@code length:text} per field, so {@code ("ab","c")} and {@code ("a","bc")} never collide.
 * Decimals are written without trailing zeros, so {@code 10.0} and {@code 10} are one key.
 */
public final class RuleKeys implements KeySelector<Event, String>, FilterFunction<Event> {
  private static final long serialVersionUID = 1L;

  private final List<String> fields;
  /** Key field positions by type id; null for types the rules do not read. */
  private final int[][] positionsByType;

  public RuleKeys(KeyPlan key) {
    this(key.fields(), List.of(key));
  }

  /** The merged key of rules whose key field names are all {@code fields}. */
  public static RuleKeys forRules(List<RulePlan> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("no rules");
    }
    List<KeyPlan> keys = new ArrayList<>();
    for (RulePlan rule : rules) {
      keys.add(rule.key());
    }
    return new RuleKeys(rules.get(0).key().fields(), keys);
  }

  private RuleKeys(List<String> fields, List<KeyPlan> keys) {
    this.fields = List.copyOf(fields);
    Map<Integer, int[]> merged = new HashMap<>();
    int maxType = -1;
    for (KeyPlan key : keys) {
      if (!key.fields().equals(fields)) {
        throw new IllegalArgumentException("key " + key.fields() + " is not " + fields);
      }
      for (Map.Entry<Integer, List<Integer>> entry : key.positionsByType().entrySet()) {
        int[] positions = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
        int[] previous = merged.putIfAbsent(entry.getKey(), positions);
        if (previous != null && !java.util.Arrays.equals(previous, positions)) {
          throw new IllegalArgumentException("rules disagree on key positions of event type " + entry.getKey());
        }
        maxType = Math.max(maxType, entry.getKey());
      }
    }
    positionsByType = new int[maxType + 1][];
    merged.forEach((type, positions) -> positionsByType[type] = positions);
  }

  public List<String> fields() {
    return fields;
  }

  /** Whether {@code event} has a key: its type is read by the rules and no key field is null. */
  @Override
  public boolean filter(Event event) {
    int[] positions = positions(event.typeId());
    if (positions == null) {
      return false;
    }
    for (int position : positions) {
      if (event.get(position) == null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String getKey(Event event) {
    String key = keyOf(event);
    if (key == null) {
      throw new IllegalArgumentException("event " + event.id() + " has no key " + fields + "; filter with RuleKeys first");
    }
    return key;
  }

  /** The key, or null when the event has none. */
  public String keyOf(Event event) {
    int[] positions = positions(event.typeId());
    if (positions == null) {
      return null;
    }
    if (positions.length == 1) {
      Object value = event.get(positions[0]);
      return value == null ? null : text(value);
    }
    StringBuilder key = new StringBuilder(32);
    for (int position : positions) {
      Object value = event.get(position);
      if (value == null) {
        return null;
      }
      String text = text(value);
      key.append(text.length()).append(':').append(text);
    }
    return key.toString();
  }

  /** The key's values for the event, in key order (for the alert's {@code key}). */
  public Object[] values(Event event) {
    int[] positions = Objects.requireNonNull(positions(event.typeId()), "event type not keyed");
    Object[] values = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      values[i] = event.get(positions[i]);
    }
    return values;
  }

  private int[] positions(int typeId) {
    return typeId < positionsByType.length ? positionsByType[typeId] : null;
  }

  private static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return (d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros()).toPlainString();
    }
    return value.toString();
  }
}
