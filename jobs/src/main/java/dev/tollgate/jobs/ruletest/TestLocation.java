package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.TestPlan;

/** The parts of a test's {@code file:line} location. */
final class TestLocation {
  private TestLocation() {}

  /** The test file as the compiler showed it. */
  static String file(TestPlan test) {
    String location = test.location();
    int colon = location.lastIndexOf(':');
    return colon < 0 ? location : location.substring(0, colon);
  }

  /** The line of the {@code test} keyword, or 0 if unknown. */
  static int line(TestPlan test) {
    String location = test.location();
    int colon = location.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(location.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code file:line} of a line in the test's file. */
  static String at(TestPlan test, int line) {
    return file(test) + ":" + line;
  }
}
