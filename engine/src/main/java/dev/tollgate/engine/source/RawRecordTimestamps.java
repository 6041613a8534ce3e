package dev.tollgate.engine.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.engine.event.IsoTimestamps;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.flink.api.common.eventtime.TimestampAssigner;

/**
 * The event time of an undecoded record, for a live source's per-partition watermarks: the
 * top-level {@code ts} member read as the decoder reads it (ISO-8601 with zone, or epoch
 * milliseconds). Reads only up to {@code ts}, skipping nested values, and builds no tree. A record
 * without a readable {@code ts} gets {@link Long#MIN_VALUE}, which moves no watermark; the
 * pipeline rejects it when it decodes it.
 */
public final class RawRecordTimestamps implements TimestampAssigner<RawRecord> {
  private static final String TS = "ts";

  private final JsonFactory factory = new JsonFactory();

  @Override
  public long extractTimestamp(RawRecord record, long recordTimestamp) {
    if (record.utf8() != null) {
      return timestampOf(record.utf8(), 0, record.utf8().length);
    }
    if (record.text() == null) {
      return Long.MIN_VALUE;
    }
    try (JsonParser parser = factory.createParser(record.text())) {
      return timestamp(parser);
    } catch (IOException | RuntimeException unreadable) {
      return Long.MIN_VALUE; // rejected when decoded
    }
  }

  /**
   * As {@link #extractTimestamp}, for a record still in its UTF-8 bytes. The usual shape — a flat
   * object whose {@code ts} is a plain string or integer — is read by {@link TopLevelTs} without a
   * parser; anything it is unsure of goes through Jackson, so both give the same answer.
   */
  public long timestampOf(byte[] utf8, int offset, int length) {
    long quick = TopLevelTs.scan(utf8, offset, offset + length);
    if (quick != TopLevelTs.UNSURE) {
      return quick;
    }
    try (JsonParser parser = factory.createParser(utf8, offset, length)) {
      return timestamp(parser);
    } catch (IOException | RuntimeException unreadable) {
      return Long.MIN_VALUE; // rejected when decoded
    }
  }

  private static long timestamp(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return Long.MIN_VALUE;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (TS.equals(name)) {
        return timestamp(parser, value);
      }
      parser.skipChildren();
    }
    return Long.MIN_VALUE;
  }

  private static long timestamp(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      long millis = IsoTimestamps.parseOrInvalid(parser.getText());
      return millis == IsoTimestamps.INVALID ? Long.MIN_VALUE : millis;
    }
    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return parser.getLongValue();
    }
    if (value == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal number = parser.getDecimalValue();
      try {
        return number.longValueExact();
      } catch (ArithmeticException notWhole) {
        return Long.MIN_VALUE;
      }
    }
    return Long.MIN_VALUE;
  }
}
