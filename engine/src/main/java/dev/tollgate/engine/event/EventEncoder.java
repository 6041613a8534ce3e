package dev.tollgate.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.eval.ValueFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes an event as the JSON object the decoder reads: {@code "event"} first, then the fields in
 * declaration order ({@code id}, {@code ts}, ...), nulls omitted, timestamps as ISO-8601 UTC,
 * decimals as exact plain numbers. Used for the evidence in alerts; not thread-safe.
 */
public final class EventEncoder {
  private final JsonFactory factory = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private final EventCatalog catalog;
  private final StringBuilderWriter buffer = new StringBuilderWriter();

  public EventEncoder(EventCatalog catalog) {
    this.catalog = catalog;
  }

  /** The factory encoders share settings with, for callers embedding events in larger documents. */
  public JsonFactory factory() {
    return factory;
  }

  /** The event as a JSON object. */
  public String encode(Event event) {
    buffer.reset();
    try (JsonGenerator generator = factory.createGenerator(buffer)) {
      write(generator, event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toString();
  }

  /** Writes the event as one JSON object into a document being generated. */
  public void write(JsonGenerator generator, Event event) throws IOException {
    int typeId = event.typeId();
    String[] names = catalog.fieldNames(typeId);
    ValueType[] types = catalog.fieldTypes(typeId);
    generator.writeStartObject();
    generator.writeStringField("event", catalog.typeName(typeId));
    for (int position = 0; position < names.length; position++) {
      Object value = position < event.fieldCount() ? event.get(position) : null;
      if (value == null) {
        continue;
      }
      generator.writeFieldName(names[position]);
      writeValue(generator, value, types[position]);
    }
    generator.writeEndObject();
  }

  /** A typed value as JSON: timestamps as ISO text, durations as milliseconds. */
  public static void writeValue(JsonGenerator generator, Object value, ValueType type) throws IOException {
    if (value == null) {
      generator.writeNull();
      return;
    }
    switch (type) {
      case STRING -> generator.writeString((String) value);
      case LONG, DURATION -> generator.writeNumber((Long) value);
      case DECIMAL -> generator.writeNumber((BigDecimal) value);
      case DOUBLE -> generator.writeNumber((Double) value);
      case BOOLEAN -> generator.writeBoolean((Boolean) value);
      case TIMESTAMP -> generator.writeString(ValueFormat.timestamp((Long) value));
      default -> generator.writeString(value.toString());
    }
  }

  /** A writer over a reusable StringBuilder, so encoding an event allocates only its String. */
  static final class StringBuilderWriter extends Writer {
    private final StringBuilder out = new StringBuilder(256);

    void reset() {
      out.setLength(0);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      out.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      out.append(s, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
