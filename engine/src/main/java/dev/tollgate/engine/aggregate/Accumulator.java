package dev.tollgate.engine.aggregate;

/**
 * The incremental state of one window of one group: one slot state per select item, in select
 * order, each interpreted by the item's {@link SlotKind}. Mutable; owned by the window operator.
 */
final class Accumulator {
  final Object[] states;

  Accumulator(Object[] states) {
    this.states = states;
  }

  static Accumulator create(SlotKind[] kinds) {
    Object[] states = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      states[i] = kinds[i].create();
    }
    return new Accumulator(states);
  }
}
