package dev.tollgate.jobs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A few alerts worth showing from {@code alerts.jsonl}: the most severe first, one per category before a
 * second of any, never two of one rule, the earliest of each, each pretty-printed with its evidence cut
 * to a readable length.
 */
final class AlertExamples {
  /** Matched events printed per alert; the rest are counted. */
  static final int EVENTS_SHOWN = 3;
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

  /** What the selection needs to know of an alert line. */
  record Summary(String line, String ruleId, String severity, String category, String message, int events) {
    int severityRank() {
      int rank = SEVERITIES.indexOf(severity);
      return rank < 0 ? SEVERITIES.size() : rank;
    }
  }

  private AlertExamples() {}

  /** Up to {@code count} alerts of distinct rules from the file, in the order to show them. */
  static List<Summary> choose(Path alerts, int count) throws IOException {
    List<Summary> firstPerRule = new ArrayList<>();
    Set<String> rules = new HashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(alerts, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        Summary alert = summarize(line);
        if (rules.add(alert.ruleId())) {
          firstPerRule.add(alert);
        }
      }
    }
    firstPerRule.sort(Comparator.comparingInt(Summary::severityRank).thenComparing(Summary::ruleId));
    List<Summary> chosen = new ArrayList<>();
    Set<String> categories = new HashSet<>();
    for (Summary alert : firstPerRule) { // first pass: one per category
      if (chosen.size() < count && categories.add(alert.category())) {
        chosen.add(alert);
      }
    }
    for (Summary alert : firstPerRule) {
      if (chosen.size() < count && !chosen.contains(alert)) {
        chosen.add(alert);
      }
    }
    chosen.sort(Comparator.comparingInt(Summary::severityRank));
    return chosen;
  }

  /** A heading line, then the alert as indented JSON with at most {@link #EVENTS_SHOWN} events. */
  static String render(Summary alert) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("[%s] %s: %s%n", alert.severity().toUpperCase(Locale.ROOT), alert.ruleId(),
        alert.message()));
    out.append(pretty(alert.line(), EVENTS_SHOWN)).append(String.format("%n"));
    if (alert.events() > EVENTS_SHOWN) {
      int more = alert.events() - EVENTS_SHOWN;
      out.append(String.format("  (%d more matched event%s in alerts.jsonl)%n", more, more == 1 ? "" : "s"));
    }
    return out.toString();
  }

  static Summary summarize(String line) {
    String ruleId = "";
    String severity = "";
    String category = "";
    String message = "";
    int events = 0;
    try (JsonParser parser = JSON.createParser(line)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "ruleId" -> ruleId = parser.getText();
          case "severity" -> severity = parser.getText();
          case "category" -> category = parser.getText();
          case "message" -> message = parser.getText();
          case "events" -> {
            while (value == JsonToken.START_ARRAY && parser.nextToken() != JsonToken.END_ARRAY) {
              parser.skipChildren();
              events++;
            }
          }
          default -> parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("alerts.jsonl holds a line that is not an alert: " + line, e);
    }
    return new Summary(line, ruleId, severity, category, message, events);
  }

  /** The JSON object in {@code line}, indented, with its {@code events} array cut to {@code maxEvents}. */
  static String pretty(String line, int maxEvents) {
    StringWriter text = new StringWriter();
    try (JsonParser parser = JSON.createParser(line); JsonGenerator out = JSON.createGenerator(text)) {
      out.setPrettyPrinter(new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
      parser.nextToken();
      out.writeStartObject();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        out.writeFieldName(name);
        JsonToken value = parser.nextToken();
        if (name.equals("events") && value == JsonToken.START_ARRAY) {
          out.writeStartArray();
          for (int shown = 0; parser.nextToken() != JsonToken.END_ARRAY; shown++) {
            if (shown < maxEvents) {
              copy(parser, out);
            } else {
              parser.skipChildren();
            }
          }
          out.writeEndArray();
        } else {
          copy(parser, out);
        }
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("alerts.jsonl holds a line that is not an alert: " + line, e);
    }
    return text.toString();
  }

  /** Copies the value at the parser, numbers as written: {@code 9500.00} stays exact, not {@code 9500.0}. */
  private static void copy(JsonParser parser, JsonGenerator out) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        out.writeStartObject();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          out.writeFieldName(parser.currentName());
          parser.nextToken();
          copy(parser, out);
        }
        out.writeEndObject();
      }
      case START_ARRAY -> {
        out.writeStartArray();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          copy(parser, out);
        }
        out.writeEndArray();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(parser.getText());
      default -> out.copyCurrentEvent(parser);
    }
  }
}
