package dev.tollgate.jobs.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes events as JSON lines: {@code event}, {@code id}, {@code ts}, the catalog fields, then {@code label} and
 * {@code instance} on injected events. Ids are assigned here, in output order, so they are dense and unique.
 */
final class JsonLinesWriter implements Closeable {
  /** Latitudes and longitudes to about 10 m, as geolocation gives them. */
  private static final int COORDINATE_DECIMALS = 4;
  private static final double COORDINATE_SCALE = 10_000.0;
  private static final SerializedString EVENT = new SerializedString("event");
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString TS = new SerializedString("ts");
  private static final SerializedString LABEL = new SerializedString("label");
  private static final SerializedString INSTANCE = new SerializedString("instance");

  private final JsonGenerator json;
  private final TextFormat format = new TextFormat();
  private final char[] buffer = new char[64];
  /** Names and type names encoded to UTF-8 once, not on every event. */
  private final Map<String, SerializedString> fieldNames = new HashMap<>();
  private final Map<EventType, SerializedString> typeNames = new EnumMap<>(EventType.class);
  /**
   * The encoded field names of the last event of each type, by position: events of a type list their
   * fields in the same order, so a name is looked up only when it differs from the one seen there.
   */
  private final Map<EventType, SerializedString[]> namesByPosition = new EnumMap<>(EventType.class);
  private long sequence;

  /** Writes to {@code out} without closing it, so standard output can be a target. */
  JsonLinesWriter(OutputStream out) throws IOException {
    JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    this.json = factory.createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(null); // lines end with our own newline instead
  }

  void write(Event event) throws IOException {
    json.writeStartObject();
    json.writeFieldName(EVENT);
    json.writeString(typeNames.computeIfAbsent(event.type(), type -> new SerializedString(type.wireName())));
    json.writeFieldName(ID);
    json.writeString(buffer, 0, TextFormat.sequenceId(event.type().idPrefix(), ++sequence, buffer));
    json.writeFieldName(TS);
    json.writeString(buffer, 0, format.timestamp(event.timestamp(), buffer));
    SerializedString[] names = namesByPosition.computeIfAbsent(event.type(), type -> new SerializedString[0]);
    if (names.length < event.size()) {
      names = Arrays.copyOf(names, event.size());
      namesByPosition.put(event.type(), names);
    }
    for (int i = 0; i < event.size(); i++) {
      SerializedString name = names[i];
      if (name == null || !name.getValue().equals(event.name(i))) {
        name = fieldNames.computeIfAbsent(event.name(i), SerializedString::new);
        names[i] = name;
      }
      json.writeFieldName(name);
      writeValue(event, i);
    }
    if (event.label() != null) {
      json.writeFieldName(LABEL);
      json.writeString(event.label().typology().label());
      json.writeFieldName(INSTANCE);
      json.writeString(event.label().instanceId());
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  private void writeValue(Event event, int i) throws IOException {
    switch (event.kind(i)) {
      case STRING -> json.writeString(event.text(i));
      case LONG -> json.writeNumber(event.number(i));
      case DECIMAL -> json.writeNumber(buffer, 0, TextFormat.fixedPoint(event.number(i), 2, buffer, 0));
      case DOUBLE -> json.writeNumber(buffer, 0, TextFormat.fixedPoint(
          Math.round(event.real(i) * COORDINATE_SCALE), COORDINATE_DECIMALS, buffer, 0));
      case BOOLEAN -> json.writeBoolean(event.number(i) != 0);
      case TIMESTAMP -> json.writeString(buffer, 0, format.timestamp(event.number(i), buffer));
      case NULL -> json.writeNull();
    }
  }

  /** Flushes what is buffered; the underlying stream stays open. */
  @Override
  public void close() throws IOException {
    json.close();
  }
}
