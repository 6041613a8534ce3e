package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan.GroupField;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The composite key of an aggregate's group: the group values as one string, so that Flink can
 * hash and compare it cheaply and without a per-aggregate key type. Each value is written as
 * {@code <length>:<text>}, so the encoding is injective ({@code ("a:b","c")} and {@code
 * ("a","b:c")} differ) and decodes back to typed values. Decimals are canonical (no trailing
 * zeros), so {@code 10.0} and {@code 10} fall into the same group.
 *
 * <p>An event with a null group field has no group: {@link #of(Event)} returns null and the
 * aggregate skips the event (a null is not a value one can report demand for).
 */
public final class GroupKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] positions;
  private final ValueType[] types;

  public GroupKey(List<GroupField> fields) {
    positions = fields.stream().mapToInt(GroupField::position).toArray();
    types = fields.stream().map(GroupField::type).toArray(ValueType[]::new);
  }

  /** The key of the event's group, or null when a group field is null. */
  public String of(Event event) {
    StringBuilder out = new StringBuilder(32);
    for (int i = 0; i < positions.length; i++) {
      Object value = event.get(positions[i]);
      if (value == null) {
        return null;
      }
      append(out, value);
    }
    return out.toString();
  }

  /** The key of a group given by its (non-null) values in group-by order. */
  public static String of(List<Object> values) {
    StringBuilder out = new StringBuilder(32);
    for (Object value : values) {
      append(out, value);
    }
    return out.toString();
  }

  /** The group values of {@code key}, typed as the group fields are, decimals canonical. */
  public List<Object> decode(String key) {
    List<Object> values = new ArrayList<>(types.length);
    int at = 0;
    for (ValueType type : types) {
      int colon = key.indexOf(':', at);
      int length = Integer.parseInt(key, at, colon, 10);
      String text = key.substring(colon + 1, colon + 1 + length);
      values.add(parse(text, type));
      at = colon + 1 + length;
    }
    return values;
  }

  private static void append(StringBuilder out, Object value) {
    String text = value instanceof BigDecimal d ? canonical(d).toPlainString() : value.toString();
    out.append(text.length()).append(':').append(text);
  }

  /** A decimal without trailing zeros; zero as {@code 0}. */
  static BigDecimal canonical(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  private static Object parse(String text, ValueType type) {
    return switch (type) {
      case LONG, TIMESTAMP, DURATION -> Long.parseLong(text);
      case DECIMAL -> new BigDecimal(text);
      case DOUBLE -> Double.parseDouble(text);
      case BOOLEAN -> Boolean.parseBoolean(text);
      default -> text;
    };
  }

  @Override
  public String toString() {
    return "GroupKey" + Arrays.toString(types);
  }
}
