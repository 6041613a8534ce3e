package dev.tollgate.engine.route.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.engine.eval.ValueFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Dead letters as JSON: {@code route, url, alertId, caseId, attempts, status, error, failedAt,
 * alert} where {@code alert} is the undelivered document itself. Also the value schema of the
 * dead-letter Kafka topic.
 */
public final class DeadLetterJson implements SerializationSchema<DeadLetter> {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();

  /** One record of the dead-letter topic, without a newline. */
  public static String encode(DeadLetter letter) {
    StringWriter out = new StringWriter(letter.body().length() + 256);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("route", letter.route());
      generator.writeStringField("url", letter.url());
      generator.writeStringField("alertId", letter.alertId());
      generator.writeStringField("caseId", letter.caseId());
      generator.writeNumberField("attempts", letter.attempts());
      if (letter.status() != 0) {
        generator.writeNumberField("status", letter.status());
      }
      generator.writeStringField("error", letter.error());
      generator.writeStringField("failedAt", ValueFormat.timestamp(letter.failedAt()));
      generator.writeFieldName("alert");
      generator.writeRawValue(letter.body());
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Override
  public byte[] serialize(DeadLetter letter) {
    return encode(letter).getBytes(StandardCharsets.UTF_8);
  }
}
