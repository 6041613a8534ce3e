package dev.tollgate.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A rejected record as one line of {@code rejected.jsonl}: {@code reason} (the code), {@code
 * detail}, {@code origin} ({@code file:line} or {@code topic/partition@offset}) and the {@code
 * raw} text, kept verbatim so the record can be fixed and replayed.
 */
public final class RejectedJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private RejectedJson() {}

  public static String encode(Rejected rejected) {
    StringWriter out = new StringWriter(rejected.raw().length() + 128);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("reason", rejected.reason().code());
      generator.writeStringField("detail", rejected.detail());
      generator.writeStringField("origin", String.valueOf(rejected.origin()));
      generator.writeStringField("raw", rejected.raw());
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
