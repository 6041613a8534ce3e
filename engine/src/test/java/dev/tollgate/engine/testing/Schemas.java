package dev.tollgate.engine.testing;

import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.EventTypePlan.FieldPlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Event types and events for tests, written by field name. */
public final class Schemas {
  private Schemas() {}

  /** Transaction: id, ts, accountId, type, amount(decimal), currency, country. */
  public static final EventTypePlan TRANSACTION = type(0, "Transaction",
      "accountId", ValueType.STRING,
      "type", ValueType.STRING,
      "amount", ValueType.DECIMAL,
      "currency", ValueType.STRING,
      "country", ValueType.STRING);

  /** Every field type, for serde tests: id, ts, s, n(long), d(decimal), x(double), b, t(timestamp). */
  public static final EventTypePlan ALL_TYPES = type(1, "AllTypes",
      "s", ValueType.STRING,
      "n", ValueType.LONG,
      "d", ValueType.DECIMAL,
      "x", ValueType.DOUBLE,
      "b", ValueType.BOOLEAN,
      "t", ValueType.TIMESTAMP);

  /** An event type with {@code id} and {@code ts} first, then the given (name, type) pairs. */
  public static EventTypePlan type(int typeId, String name, Object... namesAndTypes) {
    List<FieldPlan> fields = new ArrayList<>();
    fields.add(new FieldPlan("id", ValueType.STRING, 0));
    fields.add(new FieldPlan("ts", ValueType.TIMESTAMP, 1));
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.add(new FieldPlan((String) namesAndTypes[i], (ValueType) namesAndTypes[i + 1], fields.size()));
    }
    return new EventTypePlan(typeId, name, fields);
  }

  /**
   * An event of {@code type}; values are given as (field name, value) pairs, decimals as text or
   * numbers, timestamps as ISO text or epoch millis.
   */
  public static Event event(EventTypePlan type, String id, String isoTs, Object... namesAndValues) {
    Object[] values = new Object[type.fields().size()];
    values[0] = id;
    values[1] = Instant.parse(isoTs).toEpochMilli();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      int position = type.positionOf(name);
      if (position < 0) {
        throw new IllegalArgumentException("no field " + name + " in " + type.name());
      }
      values[position] = convert(namesAndValues[i + 1], type.fields().get(position).type());
    }
    return new Event(type.typeId(), values);
  }

  private static Object convert(Object value, ValueType type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case DECIMAL -> value instanceof BigDecimal ? value : new BigDecimal(value.toString());
      case LONG -> ((Number) value).longValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case TIMESTAMP -> value instanceof String s ? Instant.parse(s).toEpochMilli() : ((Number) value).longValue();
      default -> value;
    };
  }

  /** A Transaction at {@code isoTs}. */
  public static Event tx(String id, String isoTs, String accountId, String type, String amount) {
    return event(TRANSACTION, id, isoTs, "accountId", accountId, "type", type, "amount", amount, "currency", "USD");
  }
}
