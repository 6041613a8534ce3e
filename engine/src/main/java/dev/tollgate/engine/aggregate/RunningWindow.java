package dev.tollgate.engine.aggregate;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * The values of a sliding window kept running from one slide to the next ({@link
 * SlidingWindowOperator}): the panes that enter the window are added, those that leave it are
 * evicted, so a window's record needs only those panes. Counts, long and decimal sums and averages,
 * and {@code count_distinct} (a count per distinct value) run this way with exactly the result of
 * merging the window's panes in order. A slot eviction cannot reproduce exactly is instead merged
 * from the window's panes ({@link #mergesFromPanes}): double sums and averages (their rounding
 * depends on the order of additions), min and max, a long sum of panes large enough that merging
 * them in order might overflow, and a decimal sum whose scale came from a pane that has left.
 */
final class RunningWindow implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SlotKind[] kinds;
  private final SlotKind[] running;
  /**
   * A pane whose long total exceeds this in magnitude (or overflowed) puts the window at risk: below
   * it, no partial sum of the window's panes can overflow, in any order.
   */
  private final long riskLimit;

  /** @param panesPerWindow how many panes a window covers (size ÷ pane length) */
  RunningWindow(SlotKind[] kinds, long panesPerWindow) {
    this.kinds = kinds.clone();
    this.running = new SlotKind[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      running[i] = switch (kinds[i]) {
        case SUM_LONG -> SlotKind.WINDOW_LONG_SUM;
        case SUM_DECIMAL, AVG_DECIMAL -> SlotKind.WINDOW_DECIMAL_SUM;
        case COUNT_DISTINCT -> SlotKind.VALUE_COUNTS;
        default -> kinds[i]; // COUNT runs as it is; the others are only merged, their state unused
      };
    }
    this.riskLimit = Long.MAX_VALUE / Math.max(1, panesPerWindow);
  }

  /** The kinds of the running state, for its serializer. */
  SlotKind[] runningKinds() {
    return running.clone();
  }

  Accumulator create() {
    return Accumulator.create(running);
  }

  /** The pane ending at {@code paneEnd} enters the window. */
  void add(Accumulator window, Accumulator pane, long paneEnd) {
    for (int i = 0; i < kinds.length; i++) {
      Object state = window.states[i];
      Object paneState = pane.states[i];
      switch (running[i]) {
        case COUNT -> ((long[]) state)[0] += ((long[]) paneState)[0];
        case WINDOW_LONG_SUM -> {
          RunningSum sum = (RunningSum) state;
          RunningSum part = (RunningSum) paneState;
          sum.count += part.count;
          sum.longTotal += part.longTotal;
          sum.windowMark += atRisk(part) ? 1 : 0;
        }
        case WINDOW_DECIMAL_SUM -> {
          RunningSum sum = (RunningSum) state;
          RunningSum part = (RunningSum) paneState;
          sum.count += part.count;
          if (part.decimalTotal.signum() != 0) {
            int scale = sum.decimalTotal.scale();
            sum.decimalTotal = sum.decimalTotal.add(part.decimalTotal);
            if (part.decimalTotal.scale() >= scale) {
              sum.windowMark = Math.max(part.decimalTotal.scale() > scale ? Long.MIN_VALUE : sum.windowMark, paneEnd);
            }
          }
        }
        case VALUE_COUNTS -> {
          for (Object value : (Set<?>) paneState) {
            SlotKind.VALUE_COUNTS.add(state, value);
          }
        }
        default -> { }
      }
    }
  }

  /** A pane that was added leaves the window. */
  @SuppressWarnings("unchecked")
  void evict(Accumulator window, Accumulator pane) {
    for (int i = 0; i < kinds.length; i++) {
      Object state = window.states[i];
      Object paneState = pane.states[i];
      switch (running[i]) {
        case COUNT -> ((long[]) state)[0] -= ((long[]) paneState)[0];
        case WINDOW_LONG_SUM -> {
          RunningSum sum = (RunningSum) state;
          RunningSum part = (RunningSum) paneState;
          sum.count -= part.count;
          sum.longTotal -= part.longTotal;
          sum.windowMark -= atRisk(part) ? 1 : 0;
        }
        case WINDOW_DECIMAL_SUM -> {
          RunningSum sum = (RunningSum) state;
          RunningSum part = (RunningSum) paneState;
          sum.count -= part.count;
          if (part.decimalTotal.signum() != 0) {
            sum.decimalTotal = sum.decimalTotal.subtract(part.decimalTotal);
          }
        }
        case VALUE_COUNTS -> {
          Map<Object, Integer> counts = (Map<Object, Integer>) state;
          for (Object value : (Set<?>) paneState) {
            counts.computeIfPresent(value, (v, count) -> count == 1 ? null : count - 1);
          }
        }
        default -> { }
      }
    }
  }

  /**
   * Whether the slot's result for the window starting at {@code windowStart} must be merged from
   * the window's panes rather than read from the running state.
   */
  boolean mergesFromPanes(Accumulator window, int slot, long windowStart) {
    return switch (running[slot]) {
      case COUNT, VALUE_COUNTS -> false;
      case WINDOW_LONG_SUM -> ((RunningSum) window.states[slot]).windowMark > 0;
      case WINDOW_DECIMAL_SUM -> {
        RunningSum sum = (RunningSum) window.states[slot];
        yield sum.decimalTotal.scale() > 0 && sum.windowMark <= windowStart;
      }
      default -> true;
    };
  }

  /** The slot's result from the running state. */
  Object result(Accumulator window, int slot) {
    return running[slot] == SlotKind.VALUE_COUNTS
        ? SlotKind.VALUE_COUNTS.result(window.states[slot])
        : kinds[slot].result(window.states[slot]);
  }

  /**
   * After a decimal slot was merged from the panes: the running total takes the merged total's
   * scale, held by the pane ending at {@code scaleHeldUntil}.
   */
  void rescale(Accumulator window, int slot, RunningSum merged, long scaleHeldUntil) {
    if (running[slot] == SlotKind.WINDOW_DECIMAL_SUM) {
      RunningSum sum = (RunningSum) window.states[slot];
      sum.decimalTotal = merged.decimalTotal;
      sum.windowMark = scaleHeldUntil;
    }
  }

  private boolean atRisk(RunningSum pane) {
    return pane.overflow || pane.longTotal == Long.MIN_VALUE || Math.abs(pane.longTotal) > riskLimit;
  }
}
