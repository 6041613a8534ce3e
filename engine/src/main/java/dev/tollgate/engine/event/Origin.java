package dev.tollgate.engine.event;

import java.io.Serializable;

/**
 * Where a record came from, so a rejected record can be found again: a file and 1-based line
 * ({@code partition} -1), or a Kafka topic, partition and offset.
 */
public record Origin(String source, int partition, long offset) implements Serializable {
  public static final Origin UNKNOWN = new Origin("", -1, -1);

  public static Origin fileLine(String file, long line) {
    return new Origin(file, -1, line);
  }

  public static Origin kafka(String topic, int partition, long offset) {
    return new Origin(topic, partition, offset);
  }

  public boolean isFile() {
    return partition < 0;
  }

  /** {@code file:line} or {@code topic/partition@offset}. */
  @Override
  public String toString() {
    return isFile() ? source + ":" + offset : source + "/" + partition + "@" + offset;
  }
}
