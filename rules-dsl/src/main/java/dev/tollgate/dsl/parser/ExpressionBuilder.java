package dev.tollgate.dsl.parser;

import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Identifier;
import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.parser.TollgateParser.*;
import java.math.BigDecimal;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Builds expression nodes. Nesting is bounded: a chain like {@code a + a + ... } thousands long
 * would otherwise overflow the stack of every later stage that walks the tree.
 */
final class ExpressionBuilder {
  static final int MAX_DEPTH = 500;

  private final SpanFactory spans;
  private final Diagnostics diagnostics;
  private int depth;
  private boolean tooDeepReported;

  ExpressionBuilder(SpanFactory spans, Diagnostics diagnostics) {
    this.spans = spans;
    this.diagnostics = diagnostics;
  }

  Expression build(ExpressionContext ctx) {
    return bool(ctx.booleanExpression());
  }

  private Expression bool(BooleanExpressionContext ctx) {
    if (++depth > MAX_DEPTH) {
      return tooDeep(ctx);
    }
    try {
      SourceSpan span = spans.of(ctx);
      if (ctx instanceof LogicalNotContext c) {
        return new Expression.Not(bool(c.booleanExpression()), span);
      }
      if (ctx instanceof LogicalAndContext c) {
        return new Expression.Logical(Expression.LogicalOp.AND, bool(c.left), bool(c.right), span);
      }
      if (ctx instanceof LogicalOrContext c) {
        return new Expression.Logical(Expression.LogicalOp.OR, bool(c.left), bool(c.right), span);
      }
      PredicatedContext predicated = (PredicatedContext) ctx;
      Expression value = value(predicated.valueExpression());
      return predicated.predicate() == null ? value : predicate(value, predicated.predicate(), span);
    } finally {
      depth--;
    }
  }

  private Expression predicate(Expression value, PredicateContext ctx, SourceSpan span) {
    if (ctx instanceof ComparisonContext c) {
      return new Expression.Comparison(comparison(c.comparisonOperator()), value, value(c.right), span);
    }
    if (ctx instanceof BetweenContext c) {
      return new Expression.Between(value, value(c.lower), value(c.upper), c.NOT() != null, span);
    }
    if (ctx instanceof InListContext c) {
      List<Expression> elements = c.expression().stream().map(this::build).toList();
      return new Expression.InList(value, elements, c.NOT() != null, span);
    }
    if (ctx instanceof InNamedListContext c) {
      return new Expression.InNamedList(value, new Identifier(c.listName.getText(), spans.of(c.listName)), c.NOT() != null, span);
    }
    NullPredicateContext c = (NullPredicateContext) ctx;
    return new Expression.IsNull(value, c.NOT() != null, span);
  }

  private Expression value(ValueExpressionContext ctx) {
    if (++depth > MAX_DEPTH) {
      return tooDeep(ctx);
    }
    try {
      SourceSpan span = spans.of(ctx);
      if (ctx instanceof ValueDefaultContext c) {
        return primary(c.primaryExpression());
      }
      if (ctx instanceof ArithmeticUnaryContext c) {
        Expression operand = value(c.valueExpression());
        boolean minus = c.operator.getType() == TollgateLexer.MINUS;
        // Fold `-5` into a literal so constants and list elements stay literals.
        if (minus && operand instanceof Expression.NumberLiteral n) {
          return new Expression.NumberLiteral(n.value().negate(), n.integral(), span);
        }
        return new Expression.Unary(minus ? Expression.UnaryOp.MINUS : Expression.UnaryOp.PLUS, operand, span);
      }
      ArithmeticBinaryContext c = (ArithmeticBinaryContext) ctx;
      Expression.ArithmeticOp op = switch (c.operator.getType()) {
        case TollgateLexer.PLUS -> Expression.ArithmeticOp.ADD;
        case TollgateLexer.MINUS -> Expression.ArithmeticOp.SUBTRACT;
        case TollgateLexer.ASTERISK -> Expression.ArithmeticOp.MULTIPLY;
        case TollgateLexer.SLASH -> Expression.ArithmeticOp.DIVIDE;
        default -> Expression.ArithmeticOp.MODULO;
      };
      return new Expression.Arithmetic(op, value(c.left), value(c.right), span);
    } finally {
      depth--;
    }
  }

  private Expression primary(PrimaryExpressionContext ctx) {
    if (++depth > MAX_DEPTH) {
      return tooDeep(ctx);
    }
    try {
      SourceSpan span = spans.of(ctx);
      if (ctx instanceof LiteralExpressionContext c) {
        return literal(c.literal());
      }
      if (ctx instanceof FunctionCallContext c) {
        return new Expression.FunctionCall(identifier(c.name), c.expression().stream().map(this::build).toList(), span);
      }
      if (ctx instanceof TableLookupContext c) {
        Expression.TableLookup lookup = new Expression.TableLookup(identifier(c.table), build(c.key), span);
        return new Expression.FieldAccess(lookup, identifier(c.column), span);
      }
      if (ctx instanceof ReferenceContext c) {
        return new Expression.Reference(identifier(c.identifier()), span);
      }
      if (ctx instanceof DereferenceContext c) {
        return new Expression.FieldAccess(primary(c.base), identifier(c.fieldName), span);
      }
      return build(((ParenthesizedContext) ctx).expression());
    } finally {
      depth--;
    }
  }

  Expression literal(LiteralContext ctx) {
    SourceSpan span = spans.of(ctx);
    if (ctx instanceof NullLiteralContext) {
      return new Expression.NullLiteral(span);
    }
    if (ctx instanceof BooleanLiteralContext c) {
      return new Expression.BooleanLiteral(c.TRUE() != null, span);
    }
    if (ctx instanceof NumericLiteralContext c) {
      BigDecimal value = Literals.number(c.number().getText());
      return new Expression.NumberLiteral(c.MINUS() != null ? value.negate() : value,
          c.number().INTEGER() != null, span);
    }
    if (ctx instanceof DurationLiteralContext c) {
      return duration(c.DURATION().getSymbol());
    }
    return string(((StringLiteralContext) ctx).string().STRING().getSymbol());
  }

  Expression.StringLiteral string(Token token) {
    String value = Literals.unquote(token.getText());
    if (value == null) {
      diagnostics.error(spans.of(token), "unknown escape in string; only \\\", \\\\ and \\n are allowed");
      value = token.getText().substring(1, token.getText().length() - 1);
    }
    return new Expression.StringLiteral(value, spans.of(token));
  }

  Expression.DurationLiteral duration(Token token) {
    long millis = Literals.durationMillis(token.getText());
    if (millis < 0) {
      diagnostics.error(spans.of(token), "duration too large: " + token.getText());
      millis = 0;
    }
    return new Expression.DurationLiteral(millis, token.getText().replace("_", ""), spans.of(token));
  }

  private Identifier identifier(IdentifierContext ctx) {
    return new Identifier(ctx.getText(), spans.of(ctx));
  }

  private static Expression.ComparisonOp comparison(ComparisonOperatorContext ctx) {
    return switch (ctx.getStart().getType()) {
      case TollgateLexer.EQ -> Expression.ComparisonOp.EQ;
      case TollgateLexer.NEQ -> Expression.ComparisonOp.NE;
      case TollgateLexer.LT -> Expression.ComparisonOp.LT;
      case TollgateLexer.LTE -> Expression.ComparisonOp.LE;
      case TollgateLexer.GT -> Expression.ComparisonOp.GT;
      default -> Expression.ComparisonOp.GE;
    };
  }

  // Called after the depth was incremented and before the try that would undo it.
  private Expression tooDeep(org.antlr.v4.runtime.ParserRuleContext ctx) {
    depth--;
    SourceSpan span = spans.of(ctx);
    if (!tooDeepReported) {
      tooDeepReported = true;
      diagnostics.error(span, "expression nested too deeply (more than " + MAX_DEPTH + " levels); split it up");
    }
    return new Expression.NullLiteral(span);
  }
}
