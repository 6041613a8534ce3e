package dev.tollgate.dsl.explain;

import static dev.tollgate.dsl.types.ValueType.DECIMAL;
import static dev.tollgate.dsl.types.ValueType.DOUBLE;
import static dev.tollgate.dsl.types.ValueType.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp;
import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanExprPrinterTest {
  private final PlanExprPrinter printer = PlanExprPrinter.plain();
  private final PlanExpr a = new PlanExpr.EventField("a", 2, LONG);
  private final PlanExpr b = new PlanExpr.EventField("b", 3, LONG);
  private final PlanExpr c = new PlanExpr.EventField("c", 4, LONG);

  @Test
  void parenthesisesOnlyWherePrecedenceNeedsIt() {
    PlanExpr sumTimesC = arithmetic(ArithmeticOp.MULTIPLY, arithmetic(ArithmeticOp.ADD, a, b), c);
    PlanExpr aMinusBMinusC = arithmetic(ArithmeticOp.SUBTRACT, a, arithmetic(ArithmeticOp.SUBTRACT, b, c));
    PlanExpr leftAssociative = arithmetic(ArithmeticOp.SUBTRACT, arithmetic(ArithmeticOp.SUBTRACT, a, b), c);

    assertThat(printer.print(sumTimesC)).isEqualTo("(a + b) * c");
    assertThat(printer.print(aMinusBMinusC)).isEqualTo("a - (b - c)");
    assertThat(printer.print(leftAssociative)).isEqualTo("a - b - c");
    assertThat(printer.print(arithmetic(ArithmeticOp.ADD, a, arithmetic(ArithmeticOp.MULTIPLY, b, c))))
        .isEqualTo("a + b * c");
  }

  @Test
  void booleanConnectivesNestAsInTheLanguage() {
    PlanExpr gt = new PlanExpr.Comparison(ComparisonOp.GT, a, b);
    PlanExpr eq = new PlanExpr.Comparison(ComparisonOp.EQ, b, c);
    PlanExpr or = new PlanExpr.Or(List.of(gt, eq));

    assertThat(printer.print(new PlanExpr.And(List.of(or, gt)))).isEqualTo("(a > b or b == c) and a > b");
    assertThat(printer.print(new PlanExpr.Or(List.of(new PlanExpr.And(List.of(gt, eq)), gt))))
        .isEqualTo("a > b and b == c or a > b");
    assertThat(printer.print(new PlanExpr.Not(or))).isEqualTo("not (a > b or b == c)");
    assertThat(printer.print(new PlanExpr.Not(gt))).isEqualTo("not a > b");
    assertThat(printer.print(new PlanExpr.IsNull(a, true))).isEqualTo("a is not null");
    assertThat(printer.print(new PlanExpr.Between(a, b, c, true))).isEqualTo("a not between b and c");
  }

  @Test
  void castsAreShownOnlyWhereTheyChangeTheResult() {
    PlanExpr amount = new PlanExpr.EventField("amount", 5, DECIMAL);
    PlanExpr widenedA = new PlanExpr.Cast(a, DECIMAL);

    assertThat(printer.print(new PlanExpr.Comparison(ComparisonOp.GT, amount, widenedA))).isEqualTo("amount > a");
    assertThat(printer.print(new PlanExpr.Arithmetic(ArithmeticOp.DIVIDE, widenedA, new PlanExpr.Cast(b, DECIMAL), DECIMAL)))
        .isEqualTo("decimal(a) / decimal(b)");
    assertThat(printer.print(new PlanExpr.Cast(amount, DOUBLE))).isEqualTo("double(amount)");
    assertThat(printer.print(new PlanExpr.Cast(new PlanExpr.Literal(3L, LONG), DECIMAL))).isEqualTo("3");
    assertThat(printer.print(new PlanExpr.Cast(new PlanExpr.Literal(new BigDecimal("0.8"), DECIMAL), DOUBLE)))
        .isEqualTo("0.8");
  }

  @Test
  void literalsPrintAsWritten() {
    assertThat(printer.print(new PlanExpr.Literal("say \"hi\"\n", ValueType.STRING))).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(printer.print(new PlanExpr.Literal(new BigDecimal("9500.50"), DECIMAL))).isEqualTo("9500.50");
    assertThat(printer.print(new PlanExpr.Literal(1_772_355_600_000L, ValueType.TIMESTAMP)))
        .isEqualTo("\"2026-03-01T09:00:00Z\"");
    assertThat(printer.print(new PlanExpr.Literal(null, ValueType.NULL))).isEqualTo("null");
    assertThat(printer.print(arithmetic(ArithmeticOp.SUBTRACT, a, new PlanExpr.Literal(-5L, LONG)))).isEqualTo("a - -5");
    assertThat(printer.print(new PlanExpr.Negate(arithmetic(ArithmeticOp.ADD, a, b), LONG))).isEqualTo("-(a + b)");
  }

  @Test
  void durationsUseTheLargestExactUnit() {
    assertThat(PlanExprPrinter.duration(500)).isEqualTo("500ms");
    assertThat(PlanExprPrinter.duration(30_000)).isEqualTo("30s");
    assertThat(PlanExprPrinter.duration(900_000)).isEqualTo("15m");
    assertThat(PlanExprPrinter.duration(86_400_000)).isEqualTo("24h");
    assertThat(PlanExprPrinter.duration(2 * 86_400_000L)).isEqualTo("2d");
    assertThat(PlanExprPrinter.duration(90_000)).isEqualTo("90s");
  }

  @Test
  void listsTablesFunctionsAndSteps() {
    ListPlan prefixes = new ListPlan("restricted_hs_prefixes", ValueType.STRING, List.of("93", "8710"));
    PlanExpr hsCode = new PlanExpr.EventField("hsCode", 3, ValueType.STRING);
    PlanExpr lookup = new PlanExpr.TableLookup(Plans.REFERENCE_PRICES, new PlanExpr.Call(PlanExpr.Function.LOWER,
        List.of(hsCode), ValueType.STRING), 1, DECIMAL);
    PlanExprPrinter steps = new PlanExprPrinter(Plans.TYPES,
        Plans.cardTesting().body() instanceof dev.tollgate.dsl.plan.RuleBody.Pattern p ? p.steps() : List.of(),
        List.of());

    assertThat(printer.print(new PlanExpr.AnyPrefix(hsCode, prefixes)))
        .isEqualTo("any_prefix(hsCode, restricted_hs_prefixes (2 values))");
    assertThat(printer.print(new PlanExpr.InList(hsCode, new ListPlan("x", ValueType.STRING, List.of("1")), true)))
        .isEqualTo("hsCode not in x (1 value)");
    assertThat(printer.print(lookup)).isEqualTo("reference_prices[lower(hsCode)].medianUnitPrice");
    assertThat(printer.print(new PlanExpr.Matches(hsCode, "^9[0-9]\\d"))).isEqualTo("matches(hsCode, \"^9[0-9]\\\\d\")");
    assertThat(steps.print(new PlanExpr.StepAggregate(AggregateFunction.SUM, "probe", 0,
        Plans.position(Plans.PAYMENT, "amount"), DECIMAL))).isEqualTo("sum(probe.amount)");
    assertThat(steps.print(new PlanExpr.StepAggregate(AggregateFunction.COUNT, "probe", 0, -1, LONG)))
        .isEqualTo("count(probe)");
  }

  private static PlanExpr arithmetic(ArithmeticOp op, PlanExpr left, PlanExpr right) {
    return new PlanExpr.Arithmetic(op, left, right, LONG);
  }
}
