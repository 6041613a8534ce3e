package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Which select slots a spike's baselines read and how much history they need: each such slot is a
 * column of the {@link BaselineHistory}, and the history keeps as many windows as the largest
 * {@code n} among the baselines. Also converts between slot values and history values.
 */
final class BaselineLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] columnOfSlot;
  private final int[] slotOfColumn;
  private final ValueType[] baselineTypeOfSlot;
  private final int capacity;

  private BaselineLayout(int[] columnOfSlot, int[] slotOfColumn, ValueType[] baselineTypeOfSlot, int capacity) {
    this.columnOfSlot = columnOfSlot;
    this.slotOfColumn = slotOfColumn;
    this.baselineTypeOfSlot = baselineTypeOfSlot;
    this.capacity = capacity;
  }

  static BaselineLayout of(AggregatePlan plan) {
    int slots = plan.select().size();
    int[] columnOfSlot = new int[slots];
    Arrays.fill(columnOfSlot, -1);
    ValueType[] types = new ValueType[slots];
    int[] slotOfColumn = new int[slots];
    int columns = 0;
    int capacity = 0;
    for (PlanExpr.Baseline baseline : Baselines.of(plan.spike())) {
      if (columnOfSlot[baseline.slot()] < 0) {
        columnOfSlot[baseline.slot()] = columns;
        slotOfColumn[columns++] = baseline.slot();
        types[baseline.slot()] = baseline.type();
      }
      capacity = Math.max(capacity, baseline.windows());
    }
    return new BaselineLayout(columnOfSlot, Arrays.copyOf(slotOfColumn, columns), types, capacity);
  }

  /** Whether the spike reads any baseline, i.e. needs per-group state at all. */
  boolean hasBaselines() {
    return slotOfColumn.length > 0;
  }

  int columns() {
    return slotOfColumn.length;
  }

  /** Windows of history kept per group. */
  int capacity() {
    return capacity;
  }

  /** The history row of a window record: its tracked slot values, null as zero. */
  BigDecimal[] row(WindowRecord record) {
    BigDecimal[] row = new BigDecimal[slotOfColumn.length];
    for (int column = 0; column < row.length; column++) {
      row[column] = toDecimal(record.value(slotOfColumn[column]));
    }
    return row;
  }

  /**
   * {@code baseline(slot, windows)} over {@code history}, typed as the plan's baseline node:
   * decimal, double, or (for a long-typed baseline) the mean truncated toward zero. Null when
   * the group has no history yet.
   */
  Object baseline(BaselineHistory history, int slot, int windows) {
    int column = columnOfSlot[slot];
    if (history == null || column < 0) {
      return null;
    }
    BigDecimal mean = history.mean(column, windows);
    if (mean == null) {
      return null;
    }
    return switch (baselineTypeOfSlot[slot]) {
      case DOUBLE -> mean.doubleValue();
      case LONG -> mean.setScale(0, RoundingMode.DOWN).longValueExact();
      default -> mean;
    };
  }

  private static BigDecimal toDecimal(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? BigDecimal.ZERO : BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }
}
