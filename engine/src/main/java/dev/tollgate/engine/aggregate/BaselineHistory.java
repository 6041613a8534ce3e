package dev.tollgate.engine.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The spike state of one group: the last window it was seen in and, for the select slots that
 * baselines read ("columns"), their values in the group's most recent windows — a ring buffer of
 * at most {@code capacity} rows, the largest {@code n} of any {@code baseline(x, n)}. Values are
 * kept as exact decimals (longs and decimals exactly; doubles by their shortest decimal form).
 */
final class BaselineHistory {
  long lastWindowStart;
  long lastWindowEnd;
  private final BigDecimal[][] rows;
  private final int columns;
  /** Index of the oldest row. */
  private int oldest;
  private int size;

  BaselineHistory(int columns, int capacity) {
    this.columns = columns;
    this.rows = new BigDecimal[capacity][];
  }

  int columns() {
    return columns;
  }

  int capacity() {
    return rows.length;
  }

  /** How many windows of history are kept (at most the capacity). */
  int size() {
    return size;
  }

  /** Appends the newest window's values, dropping the oldest row when full. */
  void push(BigDecimal[] row) {
    if (rows.length == 0) {
      return;
    }
    if (size < rows.length) {
      rows[(oldest + size) % rows.length] = row;
      size++;
    } else {
      rows[oldest] = row;
      oldest = (oldest + 1) % rows.length;
    }
  }

  /** Appends {@code windows} windows without events (zeros), at most a full buffer's worth. */
  void pushZeros(long windows) {
    long count = Math.min(windows, rows.length);
    for (long i = 0; i < count; i++) {
      BigDecimal[] zeros = new BigDecimal[columns];
      java.util.Arrays.fill(zeros, BigDecimal.ZERO);
      push(zeros);
    }
  }

  /** The i-th row from the oldest (0 ≤ i < size). */
  BigDecimal[] row(int i) {
    return rows[(oldest + i) % rows.length];
  }

  /**
   * The mean of {@code column} over the newest {@code min(windows, size)} rows, or null when there
   * is no history yet.
   */
  BigDecimal mean(int column, int windows) {
    int count = Math.min(windows, size);
    if (count <= 0) {
      return null;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (int i = size - count; i < size; i++) {
      total = total.add(row(i)[column]);
    }
    return total.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
  }
}
