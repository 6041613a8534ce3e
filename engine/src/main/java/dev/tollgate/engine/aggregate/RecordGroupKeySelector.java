package dev.tollgate.engine.aggregate;

import org.apache.flink.api.java.functions.KeySelector;

/** Partitions window records by group, the same key the window operator used. */
final class RecordGroupKeySelector implements KeySelector<WindowRecord, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getKey(WindowRecord record) {
    return GroupKey.of(record.groupValues());
  }
}
