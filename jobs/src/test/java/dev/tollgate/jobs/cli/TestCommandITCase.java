package dev.tollgate.jobs.cli;

import static dev.tollgate.jobs.cli.RuleSetFixture.tollgate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code tollgate test} on the embedded cluster: one run of a small rule set whose tests pass and
 * fail for different reasons, and one run filtered by name.
 */
class TestCommandITCase {
  @TempDir static Path dir;
  static Path rules;
  static Path junit;
  static RuleSetFixture.Run all;

  @BeforeAll
  static void runEveryTest() throws Exception {
    rules = RuleSetFixture.write(dir.resolve("set"), RuleSetFixture.RULES);
    junit = dir.resolve("reports/tollgate.xml");
    all = tollgate("test", rules.toString(), "--junit", junit.toString());
  }

  @Test
  void printsOneLinePerTestAndTheSummaryLast() {
    assertThat(all.out()).contains(
        "PASS big deposit fires\n",
        "PASS small deposit stays quiet\n",
        "FAIL three deposits expected on the wrong account\n",
        "FAIL a late deposit does not count\n",
        "PASS a disabled rule still runs in its tests\n",
        "PASS hourly totals per account\n");
    assertThat(all.lastLine()).isEqualTo("4 passed, 2 failed");
  }

  @Test
  void exitsWithOneWhenATestFails() {
    assertThat(all.exitCode()).isEqualTo(1);
  }

  @Test
  void aFailedAlertExpectationShowsHowTheClosestAlertDiffers() {
    String failure = failureOf("three deposits expected on the wrong account");

    assertThat(failure)
        .contains(":74: expect alert { key: \"A2\", events: [\"t1\", \"t2\", \"t3\"] }\n"
            + "      no alert matches\n"
            + "      alert 1: key \"A1\" (expected \"A2\")\n")
        .contains(":75: expect 2 alerts\n      got 1 alert\n")
        .contains("alerts raised (1):\n"
            + "      1. alert { key: \"A1\", events: [\"t1\", \"t2\", \"t3\"], severity: medium, "
            + "message: \"Account A1: 3 deposits\" } at 2026-03-01T09:20:00Z\n");
  }

  @Test
  void aGivenEventThePipelineRejectsIsShownWithItsLineAndReason() {
    assertThat(failureOf("a late deposit does not count"))
        .contains("got no alerts")
        .contains("given events rejected (1):\n      1. ").contains("set/rules.rule:83: late (ts 2026-03-01T09:10:00Z is more than 5000 ms behind");
  }

  @Test
  void warnsAboutRulesNoTestCovers() {
    assertThat(all.err()).contains("warning: rule t.untested (").contains(") has no test");
    assertThat(all.err()).doesNotContain("t.big_deposit").doesNotContain("t.refund").doesNotContain("t.hourly");
    assertThat(all.out()).doesNotContain("has no test");
  }

  @Test
  void writesWellFormedJUnitXmlWithTheFailures() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());

    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(6);
    Element wrongAccount = (Element) cases.item(2);
    assertThat(wrongAccount.getAttribute("name")).isEqualTo("three deposits expected on the wrong account");
    assertThat(wrongAccount.getAttribute("classname")).isEqualTo("t.three_deposits");
    Element failure = (Element) wrongAccount.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).contains("expect alert { key: \"A2\"").contains("no alert matches");
    assertThat(failure.getTextContent()).contains("alert 1: key \"A1\" (expected \"A2\")");
    assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void runSelectsTestsByName() {
    RuleSetFixture.Run filtered = tollgate("test", rules.toString(), "--run", "^(big|small) deposit");

    // Findings of the rule set (here: the disabled rule) come first, as `tollgate check` prints them.
    assertThat(filtered.out()).endsWith("\nPASS big deposit fires\nPASS small deposit stays quiet\n2 passed, 0 failed\n");
    assertThat(filtered.out()).doesNotContain("three deposits");
    assertThat(filtered.exitCode()).isZero();
  }

  /** The FAIL line of a test and the indented lines under it. */
  private static String failureOf(String name) {
    String out = all.out();
    int start = out.indexOf("FAIL " + name + "\n");
    assertThat(start).as("FAIL line of " + name).isNotNegative();
    int end = out.indexOf("\nPASS ", start);
    int nextFail = out.indexOf("\nFAIL ", start + 1);
    if (nextFail >= 0 && (end < 0 || nextFail < end)) {
      end = nextFail;
    }
    return out.substring(start, end < 0 ? out.length() : end + 1);
  }
}
