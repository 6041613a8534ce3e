package dev.tollgate.engine.aggregate;

import java.math.BigDecimal;

/**
 * The mutable state of a {@code sum} or {@code avg} slot: how many non-null values were added and
 * their total, in the one representation the slot's {@link SlotKind} uses (exact long with
 * overflow detection, exact decimal, or double).
 */
final class RunningSum {
  long count;
  long longTotal;
  boolean overflow;
  BigDecimal decimalTotal = BigDecimal.ZERO;
  double doubleTotal;
  /**
   * Only in a sliding window's running sum ({@link SlotKind#WINDOW_LONG_SUM}, {@link
   * SlotKind#WINDOW_DECIMAL_SUM}): for long sums, how many of the window's panes have a total large
   * enough (or overflowed) that merging the panes in order might overflow; for decimal sums, the
   * latest pane end among the window's panes whose total has the running total's scale.
   */
  long windowMark;

  RunningSum copy() {
    RunningSum copy = new RunningSum();
    copy.count = count;
    copy.longTotal = longTotal;
    copy.overflow = overflow;
    copy.decimalTotal = decimalTotal;
    copy.doubleTotal = doubleTotal;
    copy.windowMark = windowMark;
    return copy;
  }

  void addLong(long value) {
    count++;
    long next = longTotal + value;
    if (((longTotal ^ next) & (value ^ next)) < 0) {
      overflow = true;
    }
    longTotal = next;
  }

  void merge(RunningSum other) {
    count += other.count;
    long next = longTotal + other.longTotal;
    if (((longTotal ^ next) & (other.longTotal ^ next)) < 0) {
      overflow = true;
    }
    longTotal = next;
    overflow |= other.overflow;
    // Only one representation is in use per slot; skipping the others keeps a merge of long sums
    // (session and sliding windows merge often) free of decimal arithmetic.
    if (other.decimalTotal.signum() != 0) {
      decimalTotal = decimalTotal.add(other.decimalTotal);
    }
    doubleTotal += other.doubleTotal;
  }
}
