package dev.tollgate.jobs.backtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code label} members of an input (the typology a generated event was injected for) and
 * their {@code instance} members (which injected instance of it), by event id. Only labelled lines
 * are parsed; the rest are skipped with a substring test, so the scan costs a fraction of the
 * backtest.
 */
final class LabelIndex {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @param typologies typology label by event id
   * @param instances instance id by event id, for the labelled events that name one
   */
  record Labels(Map<String, String> typologies, Map<String, String> instances) {
    boolean isEmpty() {
      return typologies.isEmpty();
    }
  }

  private LabelIndex() {}

  static Labels scan(Path events) throws IOException {
    Labels labels = new Labels(new HashMap<>(), new HashMap<>());
    try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.contains("\"label\"")) {
          readLabel(line, labels);
        }
      }
    }
    return labels;
  }

  private static void readLabel(String line, Labels labels) {
    String id = null;
    String label = null;
    String instance = null;
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("id".equals(name) && value == JsonToken.VALUE_STRING) {
          id = parser.getText();
        } else if ("label".equals(name) && value == JsonToken.VALUE_STRING) {
          label = parser.getText();
        } else if ("instance".equals(name) && value == JsonToken.VALUE_STRING) {
          instance = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException malformed) {
      return; // the backtest itself rejects it with a reason
    }
    if (id != null && label != null) {
      labels.typologies().put(id, label);
      if (instance != null) {
        labels.instances().put(id, instance);
      }
    }
  }
}
