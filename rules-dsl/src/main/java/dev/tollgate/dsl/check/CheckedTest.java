package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.plan.TestPlan;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A test that passed the checker, with its values already converted to their runtime types.
 *
 * @param params the test's const overrides
 * @param given events in the order written
 * @param expectations assertions with typed values
 */
public record CheckedTest(
    Declaration.TestDecl declaration,
    boolean targetsRule,
    String targetId,
    Map<String, ConstValue> params,
    List<GivenEvent> given,
    List<TestPlan.Expectation> expectations) {

  public CheckedTest {
    params = Map.copyOf(params);
    given = List.copyOf(given);
    expectations = List.copyOf(expectations);
  }

  /** A given event: its type and values in field-position order (absent fields null). */
  public record GivenEvent(EventType type, List<Object> values, int line) {
    public GivenEvent {
      values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }
}
