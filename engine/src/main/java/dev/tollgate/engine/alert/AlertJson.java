package dev.tollgate.engine.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventEncoder;
import dev.tollgate.engine.eval.ValueFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Alerts as the JSON documents of the spec: {@code alertId, ruleId, ruleVersion, severity,
 * category, mode, key, message, eventTime, events, tags}, in that order; {@code eventTime} is
 * ISO-8601 UTC and each event is written by {@link EventEncoder}. Key values are written as JSON
 * strings, numbers or booleans by their runtime class (a timestamp key field appears as epoch
 * milliseconds). Not thread-safe.
 */
public final class AlertJson {
  private final EventEncoder events;

  public AlertJson(EventCatalog catalog) {
    this.events = new EventEncoder(catalog);
  }

  /** One line of {@code alerts.jsonl}, without the newline. */
  public String encode(Alert alert) {
    return json(512, generator -> write(generator, alert));
  }

  /**
   * The alert's key as a JSON object in the rule's key order, exactly as the {@code key} member of
   * {@link #encode} writes it: {@code {"accountId":"A1"}}; {@code {}} for single-event rules.
   */
  public String encodeKey(Alert alert) {
    return json(64, generator -> writeKey(generator, alert));
  }

  /** What one of the encodings writes. */
  private interface Body {
    void writeTo(JsonGenerator generator) throws IOException;
  }

  private String json(int capacity, Body body) {
    StringWriter out = new StringWriter(capacity);
    try (JsonGenerator generator = events.factory().createGenerator(out)) {
      body.writeTo(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeKey(JsonGenerator generator, Alert alert) throws IOException {
    generator.writeStartObject();
    for (Map.Entry<String, Object> entry : alert.key().entrySet()) {
      generator.writeFieldName(entry.getKey());
      writeScalar(generator, entry.getValue());
    }
    generator.writeEndObject();
  }

  public void write(JsonGenerator generator, Alert alert) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("alertId", alert.alertId());
    generator.writeStringField("ruleId", alert.ruleId());
    generator.writeStringField("ruleVersion", alert.ruleVersion());
    generator.writeStringField("severity", alert.severity().keyword());
    generator.writeStringField("category", alert.category());
    generator.writeStringField("mode", alert.mode().keyword());
    generator.writeFieldName("key");
    writeKey(generator, alert);
    generator.writeStringField("message", alert.message());
    generator.writeStringField("eventTime", ValueFormat.timestamp(alert.eventTime()));
    generator.writeArrayFieldStart("events");
    for (Event event : alert.events()) {
      events.write(generator, event);
    }
    generator.writeEndArray();
    generator.writeArrayFieldStart("tags");
    for (String tag : alert.tags()) {
      generator.writeString(tag);
    }
    generator.writeEndArray();
    generator.writeEndObject();
  }

  /** A key value as JSON: string, number or boolean by its runtime class; other classes as strings. */
  public static void writeScalar(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String s) {
      generator.writeString(s);
    } else if (value instanceof Long n) {
      generator.writeNumber(n);
    } else if (value instanceof BigDecimal d) {
      generator.writeNumber(d);
    } else if (value instanceof Double d) {
      generator.writeNumber(d);
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else {
      generator.writeString(value.toString());
    }
  }
}
