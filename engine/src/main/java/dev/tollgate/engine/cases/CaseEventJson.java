package dev.tollgate.engine.cases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.engine.alert.AlertJson;
import dev.tollgate.engine.eval.ValueFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Case events as JSON, one object per event: {@code caseEventId, type, caseId, sequence, category,
 * key, severity, previousSeverity, alertId, ruleId, alertCount, openedAt, lastAlertAt, closesAt,
 * eventTime}; members that do not apply (for example {@code alertId} of {@code closed}) are left
 * out, and times are ISO-8601 UTC. See docs/case-management.md.
 */
public final class CaseEventJson {
  private static final JsonFactory JSON = new JsonFactory();

  private CaseEventJson() {}

  /** One line of the cases topic (or of a backtest's cases.jsonl), without the newline. */
  public static String encode(CaseEvent event) {
    return write(generator -> {
      generator.writeStartObject();
      generator.writeStringField("caseEventId", event.caseEventId());
      generator.writeStringField("type", event.type().keyword());
      generator.writeStringField("caseId", event.caseId());
      generator.writeNumberField("sequence", event.sequence());
      generator.writeStringField("category", event.category());
      generator.writeFieldName("key");
      generator.writeRawValue(event.keyJson());
      generator.writeStringField("severity", event.severity().keyword());
      if (event.previousSeverity() != null) {
        generator.writeStringField("previousSeverity", event.previousSeverity().keyword());
      }
      if (event.alertId() != null) {
        generator.writeStringField("alertId", event.alertId());
        generator.writeStringField("ruleId", event.ruleId());
      }
      generator.writeNumberField("alertCount", event.alertCount());
      generator.writeStringField("openedAt", ValueFormat.timestamp(event.openedAt()));
      generator.writeStringField("lastAlertAt", ValueFormat.timestamp(event.lastAlertAt()));
      generator.writeStringField("closesAt", ValueFormat.timestamp(event.closesAt()));
      generator.writeStringField("eventTime", ValueFormat.timestamp(event.eventTime()));
      generator.writeEndObject();
    });
  }

  /** An alert's key as a JSON object, in the rule's key order: {@code {"accountId":"A1"}}. */
  public static String key(Map<String, Object> key) {
    return write(generator -> {
      generator.writeStartObject();
      for (Map.Entry<String, Object> entry : key.entrySet()) {
        generator.writeFieldName(entry.getKey());
        AlertJson.writeScalar(generator, entry.getValue());
      }
      generator.writeEndObject();
    });
  }

  private interface Writing {
    void write(JsonGenerator generator) throws IOException;
  }

  private static String write(Writing writing) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      writing.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
