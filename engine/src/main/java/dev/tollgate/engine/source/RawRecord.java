package dev.tollgate.engine.source;

import dev.tollgate.engine.event.Origin;

/**
 * One input record before decoding, with where it came from: a file line or a Kafka
 * topic/partition/offset. Travels with {@link RawRecordTypeInfo}: not changed once emitted, so
 * chained operators pass it on without copying.
 */
public final class RawRecord {
  public String text;
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

  public RawRecord() {}

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

  public Origin origin() {
    return new Origin(source, partition, offset);
  }

  @Override
  public String toString() {
    return origin() + ": " + text;
  }
}
