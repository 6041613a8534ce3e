package dev.tollgate.dsl.explain;

import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.StepPlan;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prints a {@link PlanExpr} back in rule-language syntax, parenthesised only where precedence needs
 * it, so an analyst recognises the condition they wrote after constants were inlined.
 *
 * <ul>
 *   <li>Named lists print as {@code embargoed_countries (4 values)}; lists without a name (written
 *       inline in a rule) print their values.
 *   <li>Tables print as {@code reference_prices[hsCode].medianUnitPrice}; earlier pattern steps as
 *       {@code probe.merchantCountry} and {@code sum(probe.amount)}.
 *   <li>Window and select aggregates print as written ({@code sum(amount)}) or by their select name
 *       ({@code units}); baselines as {@code baseline(units, 24)}.
 *   <li>Widening casts are invisible except where they change the result: a conversion to {@code
 *       double} (binary floating point, no longer exact) prints {@code double(x)}, and a {@code long}
 *       widened to {@code decimal} under {@code /} or {@code %} (no longer whole-number arithmetic)
 *       prints {@code decimal(x)}. Casts of literals print the converted literal.
 * </ul>
 */
public final class PlanExprPrinter {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int INLINE_LIST_LIMIT = 8;

  // Binding strength, loosest first; mirrors the grammar.
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int NOT = 3;
  private static final int PREDICATE = 4;
  private static final int ADDITIVE = 5;
  private static final int MULTIPLICATIVE = 6;
  private static final int UNARY = 7;
  private static final int PRIMARY = 8;

  private final List<EventTypePlan> eventTypes;
  private final List<StepPlan> steps;
  private final List<String> slotNames;

  /**
   * @param eventTypes the rule set's event types, to name fields of earlier pattern steps
   * @param steps the pattern's steps, or empty
   * @param slotNames how to print {@link PlanExpr.WindowAggregate} slot i (and baselines of it)
   */
  public PlanExprPrinter(List<EventTypePlan> eventTypes, List<StepPlan> steps, List<String> slotNames) {
    this.eventTypes = List.copyOf(eventTypes);
    this.steps = List.copyOf(steps);
    this.slotNames = List.copyOf(slotNames);
  }

  /** A printer for expressions that refer to no steps or aggregate slots. */
  public static PlanExprPrinter plain() {
    return new PlanExprPrinter(List.of(), List.of(), List.of());
  }

  /** The expression as rule-language text. */
  public String print(PlanExpr expression) {
    return print(expression, OR);
  }

  /** {@code count()}, {@code sum(amount)}, ... as an analyst writes the aggregate. */
  public String aggregate(AggregateSpec spec) {
    return spec.function().sqlName() + "(" + (spec.argument() == null ? "" : print(spec.argument())) + ")";
  }

  private String print(PlanExpr expression, int context) {
    int own = precedence(expression);
    String text = render(expression);
    return own < context ? "(" + text + ")" : text;
  }

  private String render(PlanExpr expression) {
    if (expression instanceof PlanExpr.Literal e) {
      return literal(e.value(), e.type());
    } else if (expression instanceof PlanExpr.EventField e) {
      return e.name();
    } else if (expression instanceof PlanExpr.StepField e) {
      return e.step() + "." + e.field();
    } else if (expression instanceof PlanExpr.StepAggregate e) {
      String argument = e.position() < 0 ? e.step() : e.step() + "." + stepFieldName(e.stepIndex(), e.position());
      return e.function().sqlName() + "(" + argument + ")";
    } else if (expression instanceof PlanExpr.WindowAggregate e) {
      return slot(e.slot());
    } else if (expression instanceof PlanExpr.KeyField e) {
      return e.name();
    } else if (expression instanceof PlanExpr.Baseline e) {
      return "baseline(" + slot(e.slot()) + ", " + e.windows() + ")";
    } else if (expression instanceof PlanExpr.Cast e) {
      return cast(e);
    } else if (expression instanceof PlanExpr.Negate e) {
      return "-" + print(e.operand(), UNARY);
    } else if (expression instanceof PlanExpr.Arithmetic e) {
      int own = precedence(e);
      boolean division = e.op() == PlanExpr.ArithmeticOp.DIVIDE || e.op() == PlanExpr.ArithmeticOp.MODULO;
      return operand(e.left(), own, division) + " " + e.op().symbol() + " " + operand(e.right(), own + 1, division);
    } else if (expression instanceof PlanExpr.Comparison e) {
      return print(e.left(), ADDITIVE) + " " + e.op().symbol() + " " + print(e.right(), ADDITIVE);
    } else if (expression instanceof PlanExpr.And e) {
      return join(e.operands(), " and ", AND + 1);
    } else if (expression instanceof PlanExpr.Or e) {
      return join(e.operands(), " or ", OR + 1);
    } else if (expression instanceof PlanExpr.Not e) {
      return "not " + print(e.operand(), NOT);
    } else if (expression instanceof PlanExpr.InList e) {
      return print(e.value(), ADDITIVE) + (e.negated() ? " not in " : " in ") + list(e.list());
    } else if (expression instanceof PlanExpr.Between e) {
      return print(e.value(), ADDITIVE) + (e.negated() ? " not between " : " between ")
          + print(e.low(), ADDITIVE) + " and " + print(e.high(), ADDITIVE);
    } else if (expression instanceof PlanExpr.IsNull e) {
      return print(e.value(), ADDITIVE) + (e.negated() ? " is not null" : " is null");
    } else if (expression instanceof PlanExpr.Matches e) {
      return "matches(" + print(e.value()) + ", " + quote(e.regex()) + ")";
    } else if (expression instanceof PlanExpr.AnyPrefix e) {
      return "any_prefix(" + print(e.value()) + ", " + list(e.list()) + ")";
    } else if (expression instanceof PlanExpr.Call e) {
      return e.function().sqlName() + "(" + join(e.arguments(), ", ", OR) + ")";
    } else if (expression instanceof PlanExpr.TableLookup e) {
      String column = e.column() >= 0 && e.column() < e.table().columns().size()
          ? e.table().columns().get(e.column()).name()
          : "#" + e.column();
      return e.table().name() + "[" + print(e.key()) + "]." + column;
    }
    throw new IllegalArgumentException("no rendering for " + expression.getClass().getName());
  }

  // Under / and %, a long widened to decimal changes the arithmetic, so the cast is shown.
  private String operand(PlanExpr operand, int context, boolean division) {
    if (division && operand instanceof PlanExpr.Cast cast && cast.type() == ValueType.DECIMAL
        && cast.operand().type() == ValueType.LONG && !(cast.operand() instanceof PlanExpr.Literal)) {
      return "decimal(" + print(cast.operand()) + ")";
    }
    return print(operand, context);
  }

  private String cast(PlanExpr.Cast cast) {
    PlanExpr operand = cast.operand();
    if (operand instanceof PlanExpr.Literal literal) {
      return literal(convert(literal.value(), cast.type()), cast.type());
    }
    if (cast.type() == ValueType.DOUBLE && operand.type() != ValueType.DOUBLE) {
      return "double(" + print(operand) + ")";
    }
    return print(operand, PRIMARY);
  }

  private static Object convert(Object value, ValueType type) {
    if (!(value instanceof Number number)) {
      return value;
    }
    return switch (type) {
      case DECIMAL -> value instanceof BigDecimal ? value : new BigDecimal(number.toString());
      case DOUBLE -> number.doubleValue();
      default -> value;
    };
  }

  private String join(List<PlanExpr> operands, String separator, int context) {
    StringBuilder out = new StringBuilder();
    for (PlanExpr operand : operands) {
      if (!out.isEmpty()) {
        out.append(separator);
      }
      out.append(print(operand, context));
    }
    return out.toString();
  }

  private String slot(int slot) {
    return slot >= 0 && slot < slotNames.size() ? slotNames.get(slot) : "aggregate#" + slot;
  }

  private String stepFieldName(int stepIndex, int position) {
    if (stepIndex >= 0 && stepIndex < steps.size()) {
      int type = steps.get(stepIndex).eventType();
      if (type >= 0 && type < eventTypes.size()) {
        for (EventTypePlan.FieldPlan field : eventTypes.get(type).fields()) {
          if (field.position() == position) {
            return field.name();
          }
        }
      }
    }
    return "#" + position;
  }

  /** {@code name (N values)} for a declared list; the values themselves for an inline one. */
  static String list(ListPlan list) {
    if (list.name() != null && NAME.matcher(list.name()).matches()) {
      return list.name() + " (" + list.values().size() + (list.values().size() == 1 ? " value)" : " values)");
    }
    if (list.values().size() > INLINE_LIST_LIMIT) {
      return "[" + list.values().size() + " values]";
    }
    StringBuilder out = new StringBuilder("[");
    for (Object value : list.values()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(literal(value, list.elementType()));
    }
    return out.append(']').toString();
  }

  private static int precedence(PlanExpr expression) {
    if (expression instanceof PlanExpr.Or) {
      return OR;
    } else if (expression instanceof PlanExpr.And) {
      return AND;
    } else if (expression instanceof PlanExpr.Not) {
      return NOT;
    } else if (expression instanceof PlanExpr.Comparison || expression instanceof PlanExpr.InList
        || expression instanceof PlanExpr.Between || expression instanceof PlanExpr.IsNull) {
      return PREDICATE;
    } else if (expression instanceof PlanExpr.Arithmetic a) {
      return a.op() == PlanExpr.ArithmeticOp.ADD || a.op() == PlanExpr.ArithmeticOp.SUBTRACT ? ADDITIVE : MULTIPLICATIVE;
    } else if (expression instanceof PlanExpr.Negate) {
      return UNARY;
    } else if (expression instanceof PlanExpr.Literal literal) {
      // A negative number reads as a unary minus: `a - -5`, but `(-5).x` never occurs.
      return literal.value() instanceof Number n && n.toString().startsWith("-") ? UNARY : PRIMARY;
    } else if (expression instanceof PlanExpr.Cast cast) {
      return cast.operand() instanceof PlanExpr.Literal || cast.type() == ValueType.DOUBLE ? PRIMARY
          : precedence(cast.operand());
    }
    return PRIMARY;
  }

  /** A value as a rule-language literal. */
  static String literal(Object value, ValueType type) {
    if (value == null) {
      return "null";
    }
    if (type == ValueType.TIMESTAMP && value instanceof Long millis) {
      return quote(Instant.ofEpochMilli(millis).toString());
    }
    if (type == ValueType.DURATION && value instanceof Long millis) {
      return duration(millis);
    }
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }

  /**
   * A duration as an analyst writes it, in the largest unit that divides it exactly; whole days
   * print as days only from 2 days on, because {@code 24h} is how windows are usually written.
   */
  public static String duration(long millis) {
    if (millis == 0) {
      return "0s";
    }
    long day = 86_400_000L;
    if (millis % day == 0 && millis >= 2 * day) {
      return millis / day + "d";
    }
    if (millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis % 60_000L == 0) {
      return millis / 60_000L + "m";
    }
    if (millis % 1_000L == 0) {
      return millis / 1_000L + "s";
    }
    return millis + "ms";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
