package dev.tollgate.engine.eval;

import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.TablePlan;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code in}, {@code any_prefix} and table lookups. Every list and table is turned into a lookup
 * structure once, when the rule is compiled, so an event costs one hash probe or one binary search
 * however long the list.
 */
final class MembershipCompiler {
  private MembershipCompiler() {}

  /**
   * {@code x [not] in list}. List values are converted to the type of {@code x} first, so a long
   * list used with a decimal field still matches. Decimals are looked up by binary search over
   * {@code compareTo}, which makes {@code 9500 == 9500.00} without allocating per event. A null
   * {@code x} yields null (unknown), so neither {@code in} nor {@code not in} matches it.
   */
  static Evaluator inList(Evaluator value, ValueType valueType, ListPlan list, boolean negated) {
    List<Object> elements = new ArrayList<>(list.values().size());
    for (Object element : list.values()) {
      Object coerced = Values.coerce(element, valueType);
      if (coerced != null) {
        elements.add(coerced);
      }
    }
    if (valueType == ValueType.DECIMAL) {
      BigDecimal[] sorted = elements.stream()
          .filter(BigDecimal.class::isInstance)
          .map(BigDecimal.class::cast)
          .sorted()
          .toArray(BigDecimal[]::new);
      return c -> {
        Object v = value.evaluate(c);
        if (v == null) {
          return null;
        }
        boolean found = Arrays.binarySearch(sorted, (BigDecimal) v) >= 0;
        return found != negated;
      };
    }
    Set<Object> set = new HashSet<>();
    for (Object element : elements) {
      set.add(element instanceof Double d && d == 0.0 ? (Object) 0.0 : element);
    }
    boolean doubles = valueType == ValueType.DOUBLE;
    return c -> {
      Object v = value.evaluate(c);
      if (v == null) {
        return null;
      }
      if (doubles && (Double) v == 0.0) {
        v = 0.0;
      }
      return set.contains(v) != negated;
    };
  }

  /**
   * {@code any_prefix(s, list)}. Prefixes that extend another prefix are dropped ({@code "12"}
   * makes {@code "123"} redundant); then at most one prefix can match a string, and it is the
   * greatest prefix not after the string, found by binary search.
   */
  static Evaluator anyPrefix(Evaluator value, ListPlan list) {
    String[] prefixes = minimalPrefixes(list.values());
    return c -> {
      String s = (String) value.evaluate(c);
      if (s == null) {
        return null;
      }
      int at = Arrays.binarySearch(prefixes, s);
      if (at >= 0) {
        return Boolean.TRUE;
      }
      int floor = -at - 2;
      return floor >= 0 && s.startsWith(prefixes[floor]);
    };
  }

  static String[] minimalPrefixes(List<Object> values) {
    String[] sorted = values.stream()
        .filter(v -> v != null)
        .map(Object::toString)
        .sorted()
        .distinct()
        .toArray(String[]::new);
    List<String> kept = new ArrayList<>(sorted.length);
    for (String candidate : sorted) {
      // In sorted order every string that extends a prefix follows it directly or after other
      // extensions of it, so comparing with the last kept prefix is enough.
      if (kept.isEmpty() || !candidate.startsWith(kept.get(kept.size() - 1))) {
        kept.add(candidate);
      }
    }
    return kept.toArray(String[]::new);
  }

  /**
   * {@code table[key].column}: only the column read is kept, in a hash map from the key text to
   * the non-null cell. A key of another type is looked up by its text (decimals in plain
   * notation without trailing zeros).
   */
  static Evaluator tableLookup(TablePlan table, Evaluator key, ValueType keyType, int column, ValueType type) {
    Map<String, Object> cells = new HashMap<>();
    table.rows().forEach((k, row) -> {
      Object cell = column < row.size() ? Values.coerce(row.get(column), type) : null;
      if (cell != null) {
        cells.put(k, cell);
      }
    });
    if (keyType == ValueType.STRING || keyType == ValueType.NULL) {
      return c -> {
        Object k = key.evaluate(c);
        return k == null ? null : cells.get(k);
      };
    }
    return c -> {
      Object k = key.evaluate(c);
      if (k == null) {
        return null;
      }
      String text = k instanceof BigDecimal d ? Values.canonical(d).toPlainString() : k.toString();
      return cells.get(text);
    };
  }
}
