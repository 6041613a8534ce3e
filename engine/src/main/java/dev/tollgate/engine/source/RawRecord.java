package dev.tollgate.engine.source;

import dev.tollgate.engine.event.Origin;
import java.nio.charset.StandardCharsets;

/**
 * One input record before decoding, with where it came from: a file line or a Kafka
 * topic/partition/offset. Travels with {@link RawRecordTypeInfo}: not changed once emitted, so
 * chained operators pass it on without copying.
 *
 * <p>A record read as bytes (Kafka values, file stripes) keeps them: the decoder reads UTF-8
 * directly, and the text is built only when something asks for it (a rejected record).
 */
public final class RawRecord {
  private String text;
  private byte[] utf8;
  /** File name or topic. */
  public String source;
  /** Kafka partition; -1 for a file. */
  public int partition;
  /** Kafka offset, or the 1-based line of a file. */
  public long offset;
  /**
   * The event type of this record when it has no {@code "event"} member (a Kafka topic bound to one
   * type), or null for the pipeline's default.
   */
  public String eventType;
  /**
   * For a file read in stripes ({@link StripedJsonLinesSource}): the latest {@code ts} written on
   * any earlier line of the whole file, so that every stripe judges lateness against the file's own
   * order; {@link Long#MIN_VALUE} when unknown (other sources, or no earlier line with a ts).
   */
  public long eventTimeBefore = Long.MIN_VALUE;

  public RawRecord(String text, String source, int partition, long offset, String eventType) {
    this(text, source, partition, offset);
    this.eventType = eventType;
  }

  public RawRecord(String text, String source, int partition, long offset) {
    this.text = text;
    this.source = source;
    this.partition = partition;
    this.offset = offset;
  }

  public static RawRecord fileLine(String file, long line, String text) {
    return new RawRecord(text, file, -1, line);
  }

  /** A record that arrived as UTF-8 {@code bytes}, which it keeps (do not change them afterwards). */
  public static RawRecord ofBytes(byte[] utf8, String source, int partition, long offset, String eventType) {
    RawRecord record = new RawRecord(null, source, partition, offset, eventType);
    record.utf8 = utf8;
    return record;
  }

  /** The record as text; for a record that arrived as bytes, decoded on first use. */
  public String text() {
    if (text == null && utf8 != null) {
      text = new String(utf8, StandardCharsets.UTF_8);
    }
    return text;
  }

  /** The UTF-8 bytes the record arrived as, or null if it arrived as text. */
  public byte[] utf8() {
    return utf8;
  }

  public Origin origin() {
    return new Origin(source, partition, offset);
  }

  @Override
  public String toString() {
    return origin() + ": " + text();
  }
}
