package dev.tollgate.jobs.backtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads back what {@link SummaryJson} writes about effectiveness, so tools (the rule catalog) can
 * show a backtest's figures: the input size and the {@code effectiveness} object.
 */
public final class EffectivenessJson {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * A backtest summary's figures.
   *
   * @param effectiveness null when the backtest's input had no labels
   */
  public record Summary(long inputLines, long processed, BacktestReport.Effectiveness effectiveness) {}

  private EffectivenessJson() {}

  /** Parses {@code summary.json}. */
  public static Summary read(String json) throws IOException {
    Map<String, Object> summary = object(json);
    BacktestReport.Effectiveness effectiveness = null;
    if (summary.get("effectiveness") instanceof Map<?, ?> figures) {
      Map<String, BacktestReport.RuleFigures> rules = new TreeMap<>();
      members(figures.get("rules")).forEach((rule, value) -> {
        Map<String, Object> f = members(value);
        rules.put(rule, new BacktestReport.RuleFigures(
            number(f, "alerts"), number(f, "truePositives"), number(f, "falsePositives"), counts(f.get("typologies"))));
      });
      Map<String, BacktestReport.TypologyFigures> typologies = new TreeMap<>();
      members(figures.get("typologies")).forEach((typology, value) -> {
        Map<String, Object> f = members(value);
        typologies.put(typology, new BacktestReport.TypologyFigures(
            number(f, "labelledEvents"), number(f, "detectedEvents"), number(f, "instances"),
            number(f, "detectedInstances"), counts(f.get("detectedBy"))));
      });
      effectiveness = new BacktestReport.Effectiveness(rules, typologies);
    }
    return new Summary(number(summary, "inputLines"), number(summary, "processed"), effectiveness);
  }

  private static Map<String, Object> object(String json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a backtest summary is a JSON object");
      }
      return readObject(parser);
    }
  }

  /** Reads the members of the object whose start the parser is at: objects, numbers and text. */
  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> members = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_OBJECT) {
        members.put(name, readObject(parser));
      } else if (token == JsonToken.START_ARRAY) {
        parser.skipChildren();
      } else if (token.isNumeric()) {
        members.put(name, parser.getNumberValue());
      } else {
        members.put(name, parser.getValueAsString());
      }
    }
    return members;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> members(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static long number(Map<String, Object> members, String name) {
    return members.get(name) instanceof Number n ? n.longValue() : 0;
  }

  private static SortedMap<String, Long> counts(Object value) {
    SortedMap<String, Long> counts = new TreeMap<>();
    members(value).forEach((name, count) -> counts.put(name, count instanceof Number n ? n.longValue() : 0L));
    return counts;
  }
}
