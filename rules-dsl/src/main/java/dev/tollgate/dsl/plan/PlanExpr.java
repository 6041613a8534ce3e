package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A resolved, typed expression. Operands of an operation always have the types the operation
 * needs: the planner inserts {@link Cast}s, so an engine never decides types at run time.
 *
 * <p>Three kinds of event are visible to an expression. The <em>current event</em> is the one being
 * tested ({@link EventField}): the event of a single-event or windowed rule, or the candidate event
 * of a pattern step. Earlier pattern steps are visible through {@link StepField} and {@link
 * StepAggregate}. Window and select aggregates, key fields and baselines are computed by the
 * operator and read through {@link WindowAggregate}, {@link KeyField} and {@link Baseline}.
 */
public sealed interface PlanExpr extends Serializable {

  /** The type of the value this expression yields. */
  ValueType type();

  /** A constant (literals and inlined {@code const}s); {@code value} may be null. */
  record Literal(Object value, ValueType type) implements PlanExpr {}

  /** A field of the current event, by position. */
  record EventField(String name, int position, ValueType type) implements PlanExpr {}

  /**
   * A field of the latest event accepted by an earlier pattern step ({@code probe.merchantCountry}).
   * {@code step} indexes {@link RuleBody.Pattern#steps()}.
   */
  record StepField(String step, int stepIndex, String field, int position, ValueType type)
      implements PlanExpr {}

  /**
   * An aggregate over all events accepted by an earlier pattern step: {@code count(probe)}, {@code
   * sum(probe.amount)}. {@code position} is -1 for {@code count}.
   */
  record StepAggregate(
      AggregateFunction function, String step, int stepIndex, int position, ValueType type)
      implements PlanExpr {}

  /**
   * The value of an aggregate computed by the operator: for a windowed rule, an entry of {@link
   * RuleBody.Windowed#aggregates()}; for an {@code aggregate} block, an entry of {@link
   * AggregatePlan#select()}.
   */
  record WindowAggregate(int slot, ValueType type) implements PlanExpr {}

  /** The i-th key field of a rule (or group field of an aggregate) for the current match. */
  record KeyField(String name, int index, ValueType type) implements PlanExpr {}

  /**
   * In a spike condition: the mean of select slot {@code slot} over the group's previous {@code
   * windows} windows (empty windows count as zero once the group has been seen).
   */
  record Baseline(int slot, int windows, ValueType type) implements PlanExpr {}

  /** Numeric widening ({@code long → decimal → double}). */
  record Cast(PlanExpr operand, ValueType type) implements PlanExpr {}

  /** Unary minus. */
  record Negate(PlanExpr operand, ValueType type) implements PlanExpr {}

  /**
   * {@code + - * / %}. Numeric operands share {@code type}. Timestamp arithmetic: {@code timestamp
   * ± duration → timestamp}, {@code duration ± duration → duration}, {@code timestamp - timestamp
   * → duration}. Decimal division uses {@link java.math.MathContext#DECIMAL128}; division by zero
   * yields null.
   */
  record Arithmetic(ArithmeticOp op, PlanExpr left, PlanExpr right, ValueType type)
      implements PlanExpr {}

  /** Comparison of two operands of the same type; false if either is null. Decimal equality is numeric (scale-insensitive). */
  record Comparison(ComparisonOp op, PlanExpr left, PlanExpr right) implements PlanExpr {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** Conjunction of two or more operands, left to right, short-circuit. */
  record And(List<PlanExpr> operands) implements PlanExpr {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** Disjunction of two or more operands, left to right, short-circuit. */
  record Or(List<PlanExpr> operands) implements PlanExpr {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** Negation; {@code not} of a null is false, like every operation on null. */
  record Not(PlanExpr operand) implements PlanExpr {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** {@code x in list} / {@code x not in list}; false when {@code x} is null. */
  record InList(PlanExpr value, ListPlan list, boolean negated) implements PlanExpr {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** {@code x between low and high} (inclusive), optionally negated; false on any null. */
  record Between(PlanExpr value, PlanExpr low, PlanExpr high, boolean negated) implements PlanExpr {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** {@code x is null} / {@code x is not null}. */
  record IsNull(PlanExpr value, boolean negated) implements PlanExpr {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** {@code matches(s, "re")}: a linear-time (RE2) search for {@code regex} anywhere in s. */
  record Matches(PlanExpr value, String regex) implements PlanExpr {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** {@code any_prefix(s, list)}: true if s starts with any element of the list. */
  record AnyPrefix(PlanExpr value, ListPlan list) implements PlanExpr {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** A built-in function other than {@code matches} and {@code any_prefix}. */
  record Call(Function function, List<PlanExpr> arguments, ValueType type) implements PlanExpr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code table[key].column}; null if the key is null or absent, or the cell is empty. */
  record TableLookup(TablePlan table, PlanExpr key, int column, ValueType type) implements PlanExpr {
    public TableLookup {
      Objects.requireNonNull(table);
    }
  }

  /** Arithmetic operators. */
  enum ArithmeticOp {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%");

    private final String symbol;

    ArithmeticOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** Comparison operators. */
  enum ComparisonOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    ComparisonOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /**
   * Built-in functions. Result types: {@code LEN → long}; {@code DISTANCE_KM, MINUTES_BETWEEN,
   * HOURS_BETWEEN → double} ({@code t2 - t1}, negative if t2 is earlier); {@code ABS, ROUND} keep
   * the argument's type; {@code MIN, MAX, COALESCE} take and return one common type; the string
   * predicates return boolean.
   */
  enum Function {
    LOWER, UPPER, LEN, CONTAINS, STARTS_WITH, ENDS_WITH, ABS, ROUND, MIN, MAX, COALESCE,
    DISTANCE_KM, MINUTES_BETWEEN, HOURS_BETWEEN;

    /** The name analysts write. */
    public String sqlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
