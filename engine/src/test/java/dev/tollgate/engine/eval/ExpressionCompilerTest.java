package dev.tollgate.engine.eval;

import static dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp.ADD;
import static dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp.DIVIDE;
import static dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp.MODULO;
import static dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp.MULTIPLY;
import static dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp.SUBTRACT;
import static dev.tollgate.dsl.plan.PlanExpr.ComparisonOp.GT;
import static dev.tollgate.dsl.plan.PlanExpr.ComparisonOp.NE;
import static dev.tollgate.dsl.types.ValueType.BOOLEAN;
import static dev.tollgate.dsl.types.ValueType.DECIMAL;
import static dev.tollgate.dsl.types.ValueType.DOUBLE;
import static dev.tollgate.dsl.types.ValueType.DURATION;
import static dev.tollgate.dsl.types.ValueType.LONG;
import static dev.tollgate.dsl.types.ValueType.STRING;
import static dev.tollgate.dsl.types.ValueType.TIMESTAMP;
import static dev.tollgate.engine.testing.Exprs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExpr.Function;
import dev.tollgate.dsl.plan.TablePlan;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.testing.Schemas;
import dev.tollgate.engine.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionCompilerTest {
  private static final PlanExpr S = field("s", 2, STRING);
  private static final PlanExpr N = field("n", 3, LONG);
  private static final PlanExpr D = field("d", 4, DECIMAL);
  private static final PlanExpr X = field("x", 5, DOUBLE);
  private static final PlanExpr B = field("b", 6, BOOLEAN);
  private static final PlanExpr T = field("t", 7, TIMESTAMP);
  private static final PlanExpr ID = field("id", 0, STRING);

  private static final Event EVENT = Schemas.event(Schemas.ALL_TYPES, "e1", "2026-03-01T09:00:00Z",
      "s", "Zürich", "n", 42L, "d", "9500", "x", 2.5, "b", true, "t", "2026-03-01T10:30:00Z");
  private static final Event BLANK = Schemas.event(Schemas.ALL_TYPES, "e0", "2026-03-01T09:00:00Z");

  private static final PlanExpr UNKNOWN = eq(nul(STRING), lit("x"));
  private static final ListPlan EMBARGOED = list("embargoed", STRING, "CU", "IR", "KP", "SY");
  private static final ListPlan HS_PREFIXES = list("hs", STRING, "93", "8710", "930190", "2844");
  private static final TablePlan PRICES = new TablePlan("reference_prices", "hsCode",
      List.of(new TablePlan.Column("hsCode", STRING), new TablePlan.Column("medianUnitPrice", DECIMAL)),
      rows(Map.of("930190", Arrays.asList("930190", new BigDecimal("1250.50")),
          "850760", Arrays.asList("850760", null))));

  private final ExpressionCompiler compiler = new ExpressionCompiler();

  static Stream<Arguments> cases() {
    return Stream.of(
        // comparisons
        row("decimal equality ignores scale", eq(D, dec("9500.00")), true),
        row("decimal not-equal", cmp(NE, D, dec("9500.01")), true),
        row("long greater than", cmp(GT, N, lit(41)), true),
        row("string ordering", lt(lit("CU"), lit("IR")), true),
        row("boolean field equality", eq(B, lit(true)), true),
        row("timestamps compare", lt(field("ts", 1, TIMESTAMP), T), true),
        row("doubles treat zero and negative zero alike", eq(lit(0.0), lit(-0.0)), true),
        // arithmetic
        row("structuring threshold", ge(D, arith(MULTIPLY, dec("0.8"), dec("10000"), DECIMAL)), true),
        row("long addition", arith(ADD, N, lit(1), LONG), 43L),
        row("long overflow is null", arith(ADD, lit(Long.MAX_VALUE), lit(1), LONG), null),
        row("long multiplication overflow is null", arith(MULTIPLY, lit(Long.MAX_VALUE / 2 + 1), lit(2), LONG), null),
        row("negative overflow is null", neg(lit(Long.MIN_VALUE)), null),
        row("long division truncates", arith(DIVIDE, lit(7), lit(2), LONG), 3L),
        row("long division by zero is null", arith(DIVIDE, N, lit(0), LONG), null),
        row("decimal division by zero is null", arith(DIVIDE, D, dec("0.00"), DECIMAL), null),
        row("double division by zero is null", arith(DIVIDE, X, lit(0.0), DOUBLE), null),
        row("modulo by zero is null", arith(MODULO, N, lit(0), LONG), null),
        row("decimal division is DECIMAL128", arith(DIVIDE, D, dec("3"), DECIMAL),
            new BigDecimal("3166.666666666666666666666666666667")),
        row("decimal arithmetic is exact", arith(ADD, dec("0.1"), dec("0.2"), DECIMAL), new BigDecimal("0.3")),
        row("decimal modulo", arith(MODULO, dec("7.5"), dec("2"), DECIMAL), new BigDecimal("1.5")),
        row("long modulo", arith(MODULO, lit(7), lit(3), LONG), 1L),
        row("double subtraction", arith(SUBTRACT, X, lit(0.5), DOUBLE), 2.0),
        row("negation", neg(N), -42L),
        row("long widens to decimal", cast(N, DECIMAL), new BigDecimal("42")),
        row("decimal widens to double", cast(D, DOUBLE), 9500.0),
        row("null arithmetic is null", arith(ADD, nul(LONG), lit(1), LONG), null),
        // timestamps and durations
        row("timestamp plus duration", arith(ADD, T, dur(Duration.ofHours(12).toMillis()), TIMESTAMP),
            Instant.parse("2026-03-01T22:30:00Z").toEpochMilli()),
        row("timestamp minus duration", arith(SUBTRACT, T, dur(Duration.ofMinutes(30).toMillis()), TIMESTAMP),
            Instant.parse("2026-03-01T10:00:00Z").toEpochMilli()),
        row("timestamp minus timestamp is a duration", arith(SUBTRACT, T, field("ts", 1, TIMESTAMP), DURATION),
            Duration.ofMinutes(90).toMillis()),
        // three-valued logic
        row("comparison with null is unknown", UNKNOWN, null),
        row("not of unknown stays unknown", not(UNKNOWN), null),
        row("not of null boolean is unknown", not(nul(BOOLEAN)), null),
        row("not of false", not(lit(false)), true),
        row("false and unknown is false", and(lit(false), UNKNOWN), false),
        row("true and unknown is unknown", and(lit(true), UNKNOWN), null),
        row("true or unknown is true", or(UNKNOWN, lit(true)), true),
        row("false or unknown is unknown", or(lit(false), UNKNOWN), null),
        row("is null sees nulls", isNull(nul(STRING)), true),
        row("is not null of a value", isNotNull(S), true),
        row("null field compares unknown", eq(field("s", 2, STRING), lit("x")), null, BLANK),
        row("null field is null", isNull(D), true, BLANK),
        // lists
        row("in list", in(lit("IR"), EMBARGOED), true),
        row("not in list", notIn(lit("FR"), EMBARGOED), true),
        row("null is not in a list", in(nul(STRING), EMBARGOED), null),
        row("null is not 'not in' a list either", notIn(nul(STRING), EMBARGOED), null),
        row("decimal list ignores scale", in(D, list("amounts", DECIMAL, new BigDecimal("9500.00"))), true),
        row("long list serves a decimal value", in(D, list("amounts", LONG, 9500L, 10_000L)), true),
        row("decimal list miss", in(dec("9500.5"), list("amounts", DECIMAL, new BigDecimal("9500"))), false),
        row("long list", in(N, list("answers", LONG, 41L, 42L)), true),
        row("between is inclusive", between(D, dec("9500"), dec("9999.99")), true),
        row("not between", new PlanExpr.Between(N, lit(1), lit(10), true), true),
        row("between with null bound is unknown", between(N, nul(LONG), lit(100)), null),
        row("any_prefix hit", anyPrefix(lit("930190"), HS_PREFIXES), true),
        row("any_prefix longer prefix in list", anyPrefix(lit("87101234"), HS_PREFIXES), true),
        row("any_prefix miss between prefixes", anyPrefix(lit("9299"), HS_PREFIXES), false),
        row("any_prefix miss shorter than prefix", anyPrefix(lit("87"), HS_PREFIXES), false),
        row("any_prefix empty prefix matches all", anyPrefix(lit("x"), list("all", STRING, "")), true),
        row("any_prefix of null", anyPrefix(nul(STRING), HS_PREFIXES), null),
        // tables
        row("table lookup", lookup(PRICES, lit("930190"), "medianUnitPrice"), new BigDecimal("1250.50")),
        row("table lookup of missing key", lookup(PRICES, lit("000000"), "medianUnitPrice"), null),
        row("table lookup of empty cell", lookup(PRICES, lit("850760"), "medianUnitPrice"), null),
        row("table lookup of null key", lookup(PRICES, nul(STRING), "medianUnitPrice"), null),
        // functions
        row("lower", call(Function.LOWER, STRING, S), "zürich"),
        row("upper", call(Function.UPPER, STRING, S), "ZÜRICH"),
        row("len counts characters", call(Function.LEN, LONG, lit("a😀b")), 3L),
        row("contains", call(Function.CONTAINS, BOOLEAN, S, lit("ri")), true),
        row("starts_with", call(Function.STARTS_WITH, BOOLEAN, S, lit("Zü")), true),
        row("ends_with", call(Function.ENDS_WITH, BOOLEAN, S, lit("x")), false),
        row("string function of null is unknown", call(Function.CONTAINS, BOOLEAN, nul(STRING), lit("a")), null),
        row("lower of null", call(Function.LOWER, STRING, nul(STRING)), null),
        row("matches searches anywhere", matches(lit("order 12-345 shipped"), "[0-9]{2}-[0-9]{3}"), true),
        row("matches honours anchors", matches(lit("xabc"), "^abc$"), false),
        row("matches of null", matches(nul(STRING), "a"), null),
        row("abs of decimal", call(Function.ABS, DECIMAL, dec("-3.5")), new BigDecimal("3.5")),
        row("abs of long", call(Function.ABS, LONG, lit(-3)), 3L),
        row("round half up", call(Function.ROUND, DECIMAL, dec("2.345"), lit(2)), new BigDecimal("2.35")),
        row("round half up away from zero", call(Function.ROUND, DECIMAL, dec("-2.345"), lit(2)), new BigDecimal("-2.35")),
        row("round to hundreds", call(Function.ROUND, LONG, lit(1250), lit(-2)), 1300L),
        row("round double", call(Function.ROUND, DOUBLE, lit(2.5), lit(0)), 3.0),
        row("min of decimals", call(Function.MIN, DECIMAL, dec("1.50"), dec("2")), new BigDecimal("1.50")),
        row("max of strings", call(Function.MAX, STRING, lit("a"), lit("b")), "b"),
        row("min with null is null", call(Function.MIN, LONG, lit(1), nul(LONG)), null),
        row("coalesce skips nulls", call(Function.COALESCE, STRING, nul(STRING), lit("x")), "x"),
        row("coalesce of all nulls", call(Function.COALESCE, STRING, nul(STRING), nul(STRING)), null),
        row("distance London to Paris", call(Function.DISTANCE_KM, DOUBLE,
            lit(51.5074), lit(-0.1278), lit(48.8566), lit(2.3522)), 343.56),
        row("distance with null", call(Function.DISTANCE_KM, DOUBLE, lit(1.0), nul(DOUBLE), lit(1.0), lit(1.0)), null),
        row("minutes_between is t2 - t1", call(Function.MINUTES_BETWEEN, DOUBLE, field("ts", 1, TIMESTAMP), T), 90.0),
        row("hours_between negative when earlier", call(Function.HOURS_BETWEEN, DOUBLE, T, field("ts", 1, TIMESTAMP)), -1.5),
        row("event id field", ID, "e1"));
  }

  private static Arguments row(String name, PlanExpr expr, Object expected) {
    return Arguments.of(name, expr, expected, EVENT);
  }

  private static Arguments row(String name, PlanExpr expr, Object expected, Event event) {
    return Arguments.of(name, expr, expected, event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluatesExpression(String name, PlanExpr expr, Object expected, Event event) {
    Object actual = compiler.compile(expr).evaluate(TestContext.of(event));

    assertSameValue(actual, expected);
    if (expr.type() == BOOLEAN) {
      boolean accepted = compiler.compileCondition(expr).test(TestContext.of(event));
      assertThat(accepted).as("condition accepts only TRUE").isEqualTo(Boolean.TRUE.equals(expected));
    }
  }

  static void assertSameValue(Object actual, Object expected) {
    if (expected == null) {
      assertThat(actual).isNull();
    } else if (expected instanceof BigDecimal d) {
      assertThat(actual).isInstanceOf(BigDecimal.class);
      assertThat((BigDecimal) actual).isEqualByComparingTo(d);
    } else if (expected instanceof Double d) {
      assertThat(actual).isInstanceOf(Double.class);
      assertThat((Double) actual).isCloseTo(d, within(0.01));
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void roundKeepsRequestedScale() {
    Object rounded = compiler.compile(call(Function.ROUND, DECIMAL, dec("2"), lit(2))).evaluate(TestContext.of(EVENT));

    assertThat(rounded).hasToString("2.00");
  }

  @Test
  void andAndOrStopAtTheFirstDecidingOperand() {
    TestContext context = new TestContext() {
      @Override
      public Object aggregate(int slot) {
        throw new AssertionError("evaluated an operand after the result was decided");
      }
    };
    PlanExpr trap = ge(windowAgg(0, LONG), lit(1));

    assertThat(compiler.compileCondition(and(lit(false), trap)).test(context)).isFalse();
    assertThat(compiler.compileCondition(or(lit(true), trap)).test(context)).isTrue();
    assertThat(compiler.compile(and(lit(false), trap)).evaluate(context)).isEqualTo(false);
    assertThat(compiler.compile(or(lit(true), trap)).evaluate(context)).isEqualTo(true);
  }

  @Test
  void missingConditionAcceptsEverything() {
    assertThat(compiler.compileCondition(null).test(TestContext.of(EVENT))).isTrue();
  }

  @Test
  void stepFieldReadsLatestEventOfStep() {
    Event first = Schemas.tx("p1", "2026-03-01T09:00:00Z", "A1", "CARD", "1");
    Event second = Schemas.tx("p2", "2026-03-01T09:01:00Z", "A1", "CARD", "2");
    TestContext context = TestContext.of(EVENT).step(0, first, second);

    Object amount = compiler.compile(stepField(0, "amount", 4, DECIMAL)).evaluate(context);
    Object none = compiler.compile(stepField(1, "amount", 4, DECIMAL)).evaluate(context);

    assertThat(amount).isEqualTo(new BigDecimal("2"));
    assertThat(none).isNull();
  }

  @Test
  void stepAggregatesCoverAllEventsOfStepSkippingNulls() {
    TestContext context = TestContext.of(EVENT).step(0,
        Schemas.tx("p1", "2026-03-01T09:00:00Z", "A1", "CARD", "1.00"),
        Schemas.tx("p2", "2026-03-01T09:01:00Z", "A1", "CARD", null),
        Schemas.tx("p3", "2026-03-01T09:02:00Z", "A1", "CARD", "2.50"));

    assertSameValue(compiler.compile(stepAgg(AggregateFunction.COUNT, 0, -1, LONG)).evaluate(context), 3L);
    assertSameValue(compiler.compile(stepAgg(AggregateFunction.SUM, 0, 4, DECIMAL)).evaluate(context), new BigDecimal("3.5"));
    assertSameValue(compiler.compile(stepAgg(AggregateFunction.AVG, 0, 4, DECIMAL)).evaluate(context), new BigDecimal("1.75"));
    assertSameValue(compiler.compile(stepAgg(AggregateFunction.MIN, 0, 4, DECIMAL)).evaluate(context), new BigDecimal("1"));
    assertSameValue(compiler.compile(stepAgg(AggregateFunction.MAX, 0, 4, DECIMAL)).evaluate(context), new BigDecimal("2.5"));
    assertSameValue(compiler.compile(stepAgg(AggregateFunction.SUM, 1, 4, DECIMAL)).evaluate(context), null);
    assertSameValue(compiler.compile(stepAgg(AggregateFunction.COUNT, 1, -1, LONG)).evaluate(context), 0L);
  }

  @Test
  void operatorValuesComeFromContext() {
    TestContext context = TestContext.of(EVENT).aggregate(1, 3L).keys("A1");

    PlanExpr having = and(ge(windowAgg(1, LONG), lit(3)), eq(keyField("accountId", 0, STRING), lit("A1")));

    assertThat(compiler.compileCondition(having).test(context)).isTrue();
  }

  @Test
  void anyPrefixHandlesLargeLists() {
    List<Object> prefixes = new ArrayList<>();
    IntStream.range(0, 50_000).forEach(i -> prefixes.add(String.format("%06d", i * 7)));
    ListPlan big = new ListPlan("big", STRING, prefixes);
    Evaluator evaluator = compiler.compile(anyPrefix(S, big));

    assertThat(evaluator.evaluate(TestContext.of(Schemas.event(Schemas.ALL_TYPES, "e", "2026-03-01T00:00:00Z", "s", "000014-x"))))
        .isEqualTo(true);
    assertThat(evaluator.evaluate(TestContext.of(Schemas.event(Schemas.ALL_TYPES, "e", "2026-03-01T00:00:00Z", "s", "000015-x"))))
        .isEqualTo(false);
  }

  @Test
  void prefixesThatExtendAnotherAreDropped() {
    assertThat(MembershipCompiler.minimalPrefixes(List.of("9301", "93", "8710", "930190", "871")))
        .containsExactly("871", "93");
  }

  @Test
  @Timeout(5)
  void matchesRunsInLinearTimeOnPathologicalInput() {
    String input = "a".repeat(50_000) + "!";
    Evaluator evaluator = compiler.compile(matches(lit(input), "^(a+)+$"));

    assertThat(evaluator.evaluate(TestContext.of(EVENT))).isEqualTo(false);
  }

  @Test
  void compiledExpressionsSurviveJavaSerialization() throws Exception {
    PlanExpr expr = and(in(lit("IR"), EMBARGOED), matches(S, "ür"), ge(D, dec("9000")),
        eq(lookup(PRICES, lit("930190"), "medianUnitPrice"), dec("1250.5")), anyPrefix(lit("9301"), HS_PREFIXES));
    Condition condition = compiler.compileCondition(expr);

    Condition copy = roundTrip(condition);

    assertThat(copy.test(TestContext.of(EVENT))).isTrue();
    assertThat(copy.test(TestContext.of(BLANK))).isFalse();
  }

  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      T copy = (T) in.readObject();
      return copy;
    }
  }

  private static Map<String, List<Object>> rows(Map<String, List<Object>> rows) {
    return new LinkedHashMap<>(rows);
  }
}
