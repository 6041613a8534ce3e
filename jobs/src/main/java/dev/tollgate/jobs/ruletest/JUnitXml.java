package dev.tollgate.jobs.ruletest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Test results in the JUnit XML format CI systems read: one {@code testsuite} per test file, one
 * {@code testcase} per test ({@code classname} is the rule or aggregate under test, so reports
 * group tests by rule), and a {@code failure} with the same text the console shows.
 */
final class JUnitXml {
  private JUnitXml() {}

  static void write(List<TestResult> results, Duration elapsed, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "tollgate test");
      counts(xml, results);
      xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", elapsed.toMillis() / 1000.0));
      for (Map.Entry<String, List<TestResult>> suite : byFile(results).entrySet()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.getKey());
        counts(xml, suite.getValue());
        xml.writeAttribute("skipped", "0");
        for (TestResult result : suite.getValue()) {
          testcase(xml, result);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void counts(XMLStreamWriter xml, List<TestResult> results) throws XMLStreamException {
    long failed = results.stream().filter(result -> !result.passed()).count();
    xml.writeAttribute("tests", Integer.toString(results.size()));
    xml.writeAttribute("failures", Long.toString(failed));
    xml.writeAttribute("errors", "0");
  }

  private static void testcase(XMLStreamWriter xml, TestResult result) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    if (result.passed()) {
      xml.writeEmptyElement("testcase");
      testcaseAttributes(xml, result);
      return;
    }
    xml.writeStartElement("testcase");
    testcaseAttributes(xml, result);
    xml.writeCharacters("\n      ");
    xml.writeStartElement("failure");
    xml.writeAttribute("type", "expectation");
    xml.writeAttribute("message", printable(FailureText.summary(result)));
    xml.writeCharacters(printable(String.join("\n", FailureText.lines(result))));
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void testcaseAttributes(XMLStreamWriter xml, TestResult result) throws XMLStreamException {
    xml.writeAttribute("name", printable(result.name()));
    xml.writeAttribute("classname", result.test().targetId());
    xml.writeAttribute("file", TestLocation.file(result.test()));
    xml.writeAttribute("line", Integer.toString(TestLocation.line(result.test())));
  }

  private static Map<String, List<TestResult>> byFile(List<TestResult> results) {
    Map<String, List<TestResult>> byFile = new LinkedHashMap<>();
    for (TestResult result : results) {
      byFile.computeIfAbsent(TestLocation.file(result.test()), file -> new ArrayList<>()).add(result);
    }
    return byFile;
  }

  /** Drops the characters XML 1.0 cannot carry (control characters other than tab and newlines). */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      out.appendCodePoint(allowed ? c : '?');
    });
    return out.toString();
  }
}
