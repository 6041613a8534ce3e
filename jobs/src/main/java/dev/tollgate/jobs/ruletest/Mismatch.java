package dev.tollgate.jobs.ruletest;

import java.util.List;

/**
 * An expectation the outputs did not meet.
 *
 * @param line the line of the {@code expect} in the test file
 * @param expected the expectation as written
 * @param details what was seen instead, one line each
 */
record Mismatch(int line, String expected, List<String> details) {
  Mismatch {
    details = List.copyOf(details);
  }
}
