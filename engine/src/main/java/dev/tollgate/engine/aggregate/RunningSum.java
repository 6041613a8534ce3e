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

  RunningSum copy() {
    RunningSum copy = new RunningSum();
    copy.count = count;
    copy.longTotal = longTotal;
    copy.overflow = overflow;
    copy.decimalTotal = decimalTotal;
    copy.doubleTotal = doubleTotal;
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
    decimalTotal = decimalTotal.add(other.decimalTotal);
    doubleTotal += other.doubleTotal;
  }
}
