package dev.tollgate.engine.event;

import java.util.List;

/**
 * A small open-addressing table from field name to position, built once per event type. The
 * decoder looks up names that Jackson has canonicalized (the same String instance for the same
 * name, with its hash cached), so a probe is usually one array read and one identity check.
 */
final class FieldIndex {
  private final String[] names;
  private final int[] positions;
  private final int mask;

  FieldIndex(List<String> fieldNames) {
    int capacity = Integer.highestOneBit(Math.max(4, fieldNames.size() * 2 + 1) * 2 - 1);
    names = new String[capacity];
    positions = new int[capacity];
    mask = capacity - 1;
    for (int position = 0; position < fieldNames.size(); position++) {
      // Interned like the names Jackson hands out, so that the identity check usually decides.
      String name = fieldNames.get(position).intern();
      int slot = spread(name.hashCode()) & mask;
      while (names[slot] != null) {
        slot = (slot + 1) & mask;
      }
      names[slot] = name;
      positions[slot] = position;
    }
  }

  /** The position of {@code name}, or -1 for a member the type does not declare. */
  int positionOf(String name) {
    int slot = spread(name.hashCode()) & mask;
    String candidate;
    while ((candidate = names[slot]) != null) {
      if (candidate == name || candidate.equals(name)) {
        return positions[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
