package dev.tollgate.dsl.ast;

import java.math.BigDecimal;
import java.util.List;

/** Expressions as written, before names are resolved or types known. */
public sealed interface Expression extends Node {

  /** {@code null}. */
  record NullLiteral(SourceSpan span) implements Expression {}

  /** {@code true} / {@code false}. */
  record BooleanLiteral(boolean value, SourceSpan span) implements Expression {}

  /** A number; {@code integral} when written without a fraction ({@code 10_000}). */
  record NumberLiteral(BigDecimal value, boolean integral, SourceSpan span) implements Expression {}

  /** A string with escapes resolved. */
  record StringLiteral(String value, SourceSpan span) implements Expression {}

  /** {@code 500ms 30s 15m 24h 7d}, kept as written for messages and rendering. */
  record DurationLiteral(long millis, String text, SourceSpan span) implements Expression {}

  /** A bare name: a field, a const, a list or a step alias; the checker decides which. */
  record Reference(Identifier name, SourceSpan span) implements Expression {}

  /** {@code base.field}: a field of a pattern step ({@code hit.amount}) or of a table row. */
  record FieldAccess(Expression base, Identifier field, SourceSpan span) implements Expression {}

  /** {@code table[key]}, always followed by {@code .column} in the source. */
  record TableLookup(Identifier table, Expression key, SourceSpan span) implements Expression {}

  /** {@code name(args)}: a built-in function or an aggregate. */
  record FunctionCall(Identifier name, List<Expression> arguments, SourceSpan span) implements Expression {
    public FunctionCall {
      arguments = List.copyOf(arguments);
    }
  }

  /** Unary {@code -} or {@code +}. */
  record Unary(UnaryOp op, Expression operand, SourceSpan span) implements Expression {}

  /** {@code + - * / %}. */
  record Arithmetic(ArithmeticOp op, Expression left, Expression right, SourceSpan span) implements Expression {}

  /** {@code == != < <= > >=}. */
  record Comparison(ComparisonOp op, Expression left, Expression right, SourceSpan span) implements Expression {}

  /** {@code and} / {@code or}. */
  record Logical(LogicalOp op, Expression left, Expression right, SourceSpan span) implements Expression {}

  /** {@code not x}. */
  record Not(Expression operand, SourceSpan span) implements Expression {}

  /** {@code x [not] between low and high}. */
  record Between(Expression value, Expression low, Expression high, boolean negated, SourceSpan span)
      implements Expression {}

  /** {@code x [not] in [a, b, ...]}. */
  record InList(Expression value, List<Expression> elements, boolean negated, SourceSpan span)
      implements Expression {
    public InList {
      elements = List.copyOf(elements);
    }
  }

  /** {@code x [not] in listName}. */
  record InNamedList(Expression value, Identifier list, boolean negated, SourceSpan span)
      implements Expression {}

  /** {@code x is [not] null}. */
  record IsNull(Expression value, boolean negated, SourceSpan span) implements Expression {}

  /** Unary operators. */
  enum UnaryOp { MINUS, PLUS }

  /** Arithmetic operators, as written. */
  enum ArithmeticOp {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%");

    public final String symbol;

    ArithmeticOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /** Comparison operators, as written. */
  enum ComparisonOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    public final String symbol;

    ComparisonOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /** Boolean connectives. */
  enum LogicalOp { AND, OR }
}
