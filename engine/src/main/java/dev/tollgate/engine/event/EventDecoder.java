package dev.tollgate.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.types.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one JSON-lines record into an {@link Event} with Jackson's streaming parser: no tree,
 * one value array per event, and field names resolved through a per-type table.
 *
 * <p>Rules of the wire format (see the rule-language spec):
 * <ul>
 *   <li>The {@code "event"} member names the type. On an input bound to one type it may be
 *       omitted; when present it wins. It may appear anywhere in the object (a record whose type
 *       comes after its fields is parsed twice).
 *   <li>{@code id} must be a string and {@code ts} present: absent or null is {@code missing_id}
 *       / {@code missing_ts}.
 *   <li>Unknown members are skipped, whatever they hold. A declared field that is absent or JSON
 *       null is null.
 *   <li>Numeric fields take JSON numbers only; a number in a string ({@code "9500"}) is {@code
 *       wrong_type}, because accepting it would hide a producer bug that also breaks other
 *       consumers. Decimals keep the exact digits written. A long takes an integral number
 *       ({@code 5} or {@code 5.0}) within range. A double takes any number.
 *   <li>Timestamps take an ISO-8601 string with zone or offset, or epoch milliseconds as a JSON
 *       integer.
 *   <li>Anything else of the wrong JSON type (objects, arrays, booleans for numbers...) is {@code
 *       wrong_type} naming the field. If the text is also not valid JSON, {@code bad_json} wins.
 * </ul>
 *
 * <p>Never throws for bad input: {@link #decode} returns null and {@link #rejection()} says why.
 * Not thread-safe; one decoder per operator instance.
 */
public final class EventDecoder {
  private static final String EVENT_MEMBER = "event";

  private final JsonFactory factory = new JsonFactory();
  private final EventCatalog catalog;
  private final int defaultTypeId;
  private Rejection rejection;

  /**
   * @param defaultType the type of records without an {@code "event"} member (an input bound to
   *     one event type), or null when every record must name its type
   */
  public EventDecoder(EventCatalog catalog, String defaultType) {
    this.catalog = catalog;
    this.defaultTypeId = defaultType == null ? -1 : catalog.typeIdOf(defaultType);
    if (defaultType != null && defaultTypeId < 0) {
      throw new IllegalArgumentException("unknown event type " + defaultType);
    }
  }

  /** The event in {@code text}, or null when rejected (see {@link #rejection()}). */
  public Event decode(String text) {
    return decodeSource(text);
  }

  /** The event in UTF-8 {@code bytes}, or null when rejected (see {@link #rejection()}). */
  public Event decode(byte[] utf8) {
    return decodeSource(utf8);
  }

  /** Why the last {@link #decode} returned null; meaningless after a successful decode. */
  public Rejection rejection() {
    return rejection;
  }

  /** Convenience for callers that carry bytes: the text of a rejected record. */
  public static String text(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private Event decodeSource(Object source) {
    rejection = null;
    try {
      Pass first = parse(source, defaultTypeId, false);
      if (first.rejection != null) {
        rejection = first.rejection;
        return null;
      }
      int typeId = first.typeId;
      if (typeId < 0) {
        return reject(RejectReason.UNKNOWN_EVENT_TYPE, "no \"event\" member naming the event type");
      }
      Object[] values = first.values;
      if (first.incomplete) {
        Pass second = parse(source, typeId, true);
        if (second.rejection != null) {
          rejection = second.rejection;
          return null;
        }
        values = second.values;
      }
      if (values[EventTypePlan.ID_POSITION] == null) {
        return reject(RejectReason.MISSING_ID, "no \"id\"");
      }
      if (values[EventTypePlan.TS_POSITION] == null) {
        return reject(RejectReason.MISSING_TS, "no \"ts\"");
      }
      return new Event(typeId, values);
    } catch (JsonProcessingException e) {
      return reject(RejectReason.BAD_JSON, e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      return reject(RejectReason.BAD_JSON, String.valueOf(e.getMessage()));
    }
  }

  private Event reject(RejectReason reason, String detail) {
    rejection = new Rejection(reason, detail);
    return null;
  }

  /** The outcome of one pass over a record. */
  private static final class Pass {
    int typeId;
    Object[] values;
    /** Members were skipped because the type was not known yet (or changed): parse again. */
    boolean incomplete;
    Rejection rejection;
    /** A field that does not fit its type; forgotten if the record turns out to be another type. */
    Rejection fieldRejection;
  }

  /**
   * One pass over the record. With {@code typeFixed}, the type is known and {@code "event"}
   * members are ignored. The whole text is always read, so broken JSON is reported as such even
   * after an earlier finding.
   */
  private Pass parse(Object source, int typeId, boolean typeFixed) throws IOException {
    Pass pass = new Pass();
    pass.typeId = typeId;
    try (JsonParser p = source instanceof String s ? factory.createParser(s) : factory.createParser((byte[]) source)) {
      JsonToken token = p.nextToken();
      if (token == null) {
        pass.rejection = new Rejection(RejectReason.BAD_JSON, "empty record");
        return pass;
      }
      if (token != JsonToken.START_OBJECT) {
        p.skipChildren();
        expectEnd(p);
        pass.rejection = new Rejection(RejectReason.NOT_AN_OBJECT, "a JSON " + describe(token) + ", not an object");
        return pass;
      }
      FieldIndex index = typeId >= 0 ? catalog.fieldIndex(typeId) : null;
      ValueType[] types = typeId >= 0 ? catalog.fieldTypes(typeId) : null;
      Object[] values = typeId >= 0 ? new Object[types.length] : null;
      boolean sawField = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        token = p.nextToken();
        if (name.equals(EVENT_MEMBER) && !typeFixed) {
          if (token == JsonToken.VALUE_NULL) {
            continue;
          }
          if (token != JsonToken.VALUE_STRING) {
            p.skipChildren();
            note(pass, RejectReason.WRONG_TYPE, "member \"event\": expected the event type name as a string, got " + describe(token));
            continue;
          }
          String typeName = p.getText();
          int named = catalog.typeIdOf(typeName);
          if (named < 0) {
            note(pass, RejectReason.UNKNOWN_EVENT_TYPE, "unknown event type \"" + typeName + "\"");
            continue;
          }
          if (named != pass.typeId) {
            pass.incomplete |= sawField;
            pass.fieldRejection = null;
            pass.typeId = named;
            index = catalog.fieldIndex(named);
            types = catalog.fieldTypes(named);
            values = new Object[types.length];
          }
          continue;
        }
        sawField = true;
        if (index == null) {
          pass.incomplete = true;
          p.skipChildren();
          continue;
        }
        int position = index.positionOf(name);
        if (position < 0) {
          p.skipChildren();
          continue;
        }
        Object value = readValue(p, token, types[position]);
        if (value == WRONG) {
          String detail = wrongTypeDetail(p, name, types[position], token);
          p.skipChildren();
          if (pass.fieldRejection == null) {
            pass.fieldRejection = new Rejection(RejectReason.WRONG_TYPE, detail);
          }
        } else {
          values[position] = value;
        }
      }
      expectEnd(p);
      pass.values = values;
      if (pass.rejection == null) {
        pass.rejection = pass.fieldRejection;
      }
      return pass;
    }
  }

  private static void note(Pass pass, RejectReason reason, String detail) {
    if (pass.rejection == null) {
      pass.rejection = new Rejection(reason, detail);
    }
  }

  private static void expectEnd(JsonParser p) throws IOException {
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing content after the JSON value");
    }
  }

  private static final Object WRONG = new Object();

  /** The field's value, null, or {@link #WRONG} when the JSON type does not fit. */
  private static Object readValue(JsonParser p, JsonToken token, ValueType type) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    switch (type) {
      case STRING:
        return token == JsonToken.VALUE_STRING ? p.getText() : WRONG;
      case DECIMAL:
        return token.isNumeric() ? p.getDecimalValue() : WRONG;
      case DOUBLE:
        return token.isNumeric() ? (Object) p.getDoubleValue() : WRONG;
      case BOOLEAN:
        return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : WRONG;
      case LONG:
        return readLong(p, token);
      case TIMESTAMP:
        if (token == JsonToken.VALUE_STRING) {
          long millis = IsoTimestamps.parseOrInvalid(p.getText());
          return millis == IsoTimestamps.INVALID ? WRONG : (Object) millis;
        }
        return token == JsonToken.VALUE_NUMBER_INT ? readLong(p, token) : WRONG;
      default:
        return WRONG;
    }
  }

  private static Object readLong(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType numberType = p.getNumberType();
      return numberType == JsonParser.NumberType.BIG_INTEGER ? WRONG : (Object) p.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal d = p.getDecimalValue();
      try {
        return d.longValueExact();
      } catch (ArithmeticException notIntegral) {
        return WRONG;
      }
    }
    return WRONG;
  }

  private static String wrongTypeDetail(JsonParser p, String field, ValueType type, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING && type == ValueType.TIMESTAMP) {
      return "field \"" + field + "\": \"" + p.getText() + "\" is not an ISO-8601 timestamp with zone or offset";
    }
    if (token.isNumeric() && type == ValueType.LONG || type == ValueType.TIMESTAMP && token.isNumeric()) {
      return "field \"" + field + "\": " + p.getText() + " is not an integer in the range of a " + type.keyword();
    }
    return "field \"" + field + "\": expected " + type.keyword() + ", got " + describe(token);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
