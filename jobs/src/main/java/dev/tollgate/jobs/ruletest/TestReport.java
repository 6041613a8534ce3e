package dev.tollgate.jobs.ruletest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The results of a test run, in the order the tests were run. */
public final class TestReport {
  private final List<TestResult> results;
  private final Duration elapsed;

  TestReport(List<TestResult> results, Duration elapsed) {
    this.results = List.copyOf(results);
    this.elapsed = elapsed;
  }

  public int passed() {
    return (int) results.stream().filter(TestResult::passed).count();
  }

  public int failed() {
    return results.size() - passed();
  }

  public int size() {
    return results.size();
  }

  /** Wall-clock time of the run, cluster start included. */
  public Duration elapsed() {
    return elapsed;
  }

  /** {@code N passed, M failed}: the last line of a run's output. */
  public String summary() {
    return passed() + " passed, " + failed() + " failed";
  }

  /** One line per test, {@code PASS name} or {@code FAIL name} followed by the indented differences. */
  public void printResults(PrintWriter out) {
    for (TestResult result : results) {
      out.println((result.passed() ? "PASS " : "FAIL ") + result.name());
      if (!result.passed()) {
        FailureText.lines(result).forEach(line -> out.println("    " + line));
      }
    }
    out.flush();
  }

  /** The results and the summary line as one text. */
  public String text() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    printResults(out);
    out.println(summary());
    out.flush();
    return text.toString();
  }

  /** Writes the results as JUnit XML, for CI systems. */
  public void writeJUnit(Path file) throws IOException {
    JUnitXml.write(results, elapsed, file);
  }
}
