package dev.tollgate.engine.eval;

import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExpr.And;
import dev.tollgate.dsl.plan.PlanExpr.Comparison;
import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.dsl.plan.PlanExpr.EventField;
import dev.tollgate.dsl.plan.PlanExpr.InList;
import dev.tollgate.dsl.plan.PlanExpr.Literal;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which of many rules' conditions an event can satisfy, found with one hash lookup instead of a
 * test per rule. Rules are narrowed the way analysts write them, by a field equal to a constant or
 * in a constant list ({@code merchantCountry == "US"}, {@code type in ["CASH_DEPOSIT", "WIRE"]}),
 * and a rule set with hundreds of rules per event type would otherwise test every one of them on
 * every event.
 *
 * <p>For each event type one field is chosen: the one that the most rules of the type constrain
 * that way in a top-level conjunct of their condition (ties: the field with more distinct
 * constants). Such a rule can hold only when the event's value is one of its constants — {@code
 * ==} and {@code in} on strings, longs and booleans are exact equality, and a conjunct that is not
 * true makes the whole condition fail (a null field makes it unknown, which fails too). So an event
 * is a candidate for the rules listing its value plus the rules that do not constrain the field;
 * the caller still tests each candidate's full condition.
 */
public final class ConditionIndex {
  private static final int[] NONE = new int[0];

  private final TypeIndex[] byType;

  /**
   * One rule's condition on one event type.
   *
   * @param rule the rule's number, as the caller counts rules
   * @param condition what the event must satisfy; null when every event of the type is a candidate
   */
  public record Entry(int rule, int eventType, PlanExpr condition) {}

  /** The candidates of one event type. */
  private record TypeIndex(int position, Map<Object, int[]> byValue, int[] unconstrained) {
    int[] candidates(Event event) {
      if (position < 0) {
        return unconstrained;
      }
      Object value = event.get(position);
      int[] rules = value == null ? null : byValue.get(value);
      return rules != null ? rules : unconstrained;
    }
  }

  public ConditionIndex(List<Entry> entries) {
    TreeMap<Integer, List<Entry>> entriesByType = new TreeMap<>();
    for (Entry entry : entries) {
      if (entry.eventType() >= 0) {
        entriesByType.computeIfAbsent(entry.eventType(), type -> new ArrayList<>()).add(entry);
      }
    }
    byType = new TypeIndex[entriesByType.isEmpty() ? 0 : entriesByType.lastKey() + 1];
    entriesByType.forEach((type, ofType) -> byType[type] = indexType(ofType));
  }

  /**
   * The rules, in ascending order, whose condition may hold for {@code event}; for every other
   * rule it certainly does not (or the rule does not read the event's type). The array is shared:
   * callers must not change it.
   */
  public int[] candidates(Event event) {
    int type = event.typeId();
    TypeIndex index = type >= 0 && type < byType.length ? byType[type] : null;
    return index == null ? NONE : index.candidates(event);
  }

  private static TypeIndex indexType(List<Entry> entries) {
    List<Map<Integer, Set<Object>>> constraints = new ArrayList<>();
    Map<Integer, Integer> rulesByPosition = new HashMap<>();
    Map<Integer, Set<Object>> valuesByPosition = new HashMap<>();
    for (Entry entry : entries) {
      Map<Integer, Set<Object>> constrained = new HashMap<>();
      if (entry.condition() != null) {
        collect(entry.condition(), constrained);
      }
      constraints.add(constrained);
      constrained.forEach((position, values) -> {
        rulesByPosition.merge(position, 1, Integer::sum);
        valuesByPosition.computeIfAbsent(position, p -> new HashSet<>()).addAll(values);
      });
    }
    int chosen = -1;
    for (int position : new TreeSet<>(rulesByPosition.keySet())) {
      if (chosen < 0 || rulesByPosition.get(position) > rulesByPosition.get(chosen)
          || (rulesByPosition.get(position).equals(rulesByPosition.get(chosen))
              && valuesByPosition.get(position).size() > valuesByPosition.get(chosen).size())) {
        chosen = position;
      }
    }
    TreeSet<Integer> unconstrained = new TreeSet<>();
    Map<Object, TreeSet<Integer>> rulesByValue = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Set<Object> values = chosen < 0 ? null : constraints.get(i).get(chosen);
      if (values == null) {
        unconstrained.add(entries.get(i).rule());
      } else {
        for (Object value : values) {
          rulesByValue.computeIfAbsent(value, v -> new TreeSet<>()).add(entries.get(i).rule());
        }
      }
    }
    Map<Object, int[]> byValue = new HashMap<>();
    rulesByValue.forEach((value, rules) -> {
      rules.addAll(unconstrained);
      byValue.put(value, toArray(rules));
    });
    return new TypeIndex(chosen, byValue, toArray(unconstrained));
  }

  /** The constants each field must equal for {@code condition} to hold, from its top-level conjuncts. */
  private static void collect(PlanExpr condition, Map<Integer, Set<Object>> constrained) {
    if (condition instanceof And and) {
      and.operands().forEach(operand -> collect(operand, constrained));
    } else if (condition instanceof Comparison comparison && comparison.op() == ComparisonOp.EQ) {
      if (comparison.left() instanceof EventField field && comparison.right() instanceof Literal literal
          && literal.type() == field.type() && literal.value() != null) {
        restrict(constrained, field, List.of(literal.value()));
      } else if (comparison.right() instanceof EventField field && comparison.left() instanceof Literal literal
          && literal.type() == field.type() && literal.value() != null) {
        restrict(constrained, field, List.of(literal.value()));
      }
    } else if (condition instanceof InList in && !in.negated() && in.value() instanceof EventField field) {
      restrict(constrained, field, in.list().values());
    }
  }

  private static void restrict(Map<Integer, Set<Object>> constrained, EventField field, List<Object> constants) {
    if (field.type() != ValueType.STRING && field.type() != ValueType.LONG && field.type() != ValueType.BOOLEAN) {
      return;
    }
    Set<Object> values = new HashSet<>();
    for (Object constant : constants) {
      Object value = Values.coerce(constant, field.type());
      if (value != null) {
        values.add(value);
      }
    }
    // Two conjuncts on one field must both hold: only their common constants can match.
    constrained.merge(field.position(), values, (a, b) -> {
      Set<Object> both = new HashSet<>(a);
      both.retainAll(b);
      return both;
    });
  }

  private static int[] toArray(Set<Integer> rules) {
    return rules.stream().mapToInt(Integer::intValue).toArray();
  }
}
