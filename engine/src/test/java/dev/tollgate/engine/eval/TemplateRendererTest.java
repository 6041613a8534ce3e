package dev.tollgate.engine.eval;

import static dev.tollgate.dsl.types.ValueType.DECIMAL;
import static dev.tollgate.dsl.types.ValueType.DOUBLE;
import static dev.tollgate.dsl.types.ValueType.LONG;
import static dev.tollgate.dsl.types.ValueType.STRING;
import static dev.tollgate.dsl.types.ValueType.TIMESTAMP;
import static dev.tollgate.engine.testing.Exprs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.TemplatePlan;
import dev.tollgate.engine.testing.Schemas;
import dev.tollgate.engine.testing.TestContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private final ExpressionCompiler compiler = new ExpressionCompiler();

  @Test
  void rendersStructuringMessageWithPlainDecimals() {
    TemplateRenderer renderer = new TemplateRenderer(template(
        "Account ", keyField("accountId", 0, STRING), ": ", windowAgg(0, LONG),
        " cash deposits just under ", lit(10_000), " totalling ", windowAgg(1, DECIMAL), " in 24h"), compiler);
    TestContext context = TestContext.of(Schemas.tx("t3", "2026-03-01T18:00:00Z", "A1", "CASH_DEPOSIT", "8800"))
        .keys("A1").aggregate(0, 3L).aggregate(1, new BigDecimal("2.73E+4"));

    assertThat(renderer.render(context))
        .isEqualTo("Account A1: 3 cash deposits just under 10000 totalling 27300 in 24h");
  }

  @Test
  void rendersTimestampsDurationsAndNulls() {
    TemplateRenderer renderer = new TemplateRenderer(template(
        "at ", field("ts", 1, TIMESTAMP), " within ", dur(86_400_000L), "/", dur(5_400_000L), "/", dur(1_500L),
        " country ", field("country", 6, STRING), " km ", lit(12.5)), compiler);

    String message = renderer.render(TestContext.of(Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "WIRE", "1")));

    assertThat(message).isEqualTo("at 2026-03-01T09:00:00Z within 1d/90m/1500ms country null km 12.5");
  }

  @Test
  void reusedRendererDoesNotLeakPreviousMessage() {
    TemplateRenderer renderer = new TemplateRenderer(template("id=", field("id", 0, STRING)), compiler);

    renderer.render(TestContext.of(Schemas.tx("a-long-first-id", "2026-03-01T09:00:00Z", "A1", "WIRE", "1")));
    String second = renderer.render(TestContext.of(Schemas.tx("t2", "2026-03-01T09:00:00Z", "A1", "WIRE", "1")));

    assertThat(second).isEqualTo("id=t2");
  }

  @Test
  void wholeDoublesRenderWithoutFraction() {
    TemplateRenderer renderer = new TemplateRenderer(template("", lit(343.0), " ", nul(DOUBLE)), compiler);

    assertThat(renderer.render(TestContext.of(null))).isEqualTo("343 null");
  }

  private static TemplatePlan template(Object... parts) {
    List<TemplatePlan.Part> list = new ArrayList<>();
    for (Object part : parts) {
      list.add(part instanceof String s ? new TemplatePlan.Text(s) : new TemplatePlan.Value("expr", (PlanExpr) part));
    }
    return new TemplatePlan(list);
  }
}
