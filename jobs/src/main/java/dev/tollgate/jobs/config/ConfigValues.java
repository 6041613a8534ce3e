package dev.tollgate.jobs.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flat config values ({@code kafka.bootstrap-servers → localhost:9092}), each with where it was
 * set, so an error can say which file or {@code --set} to fix. Lists are comma-separated text, as
 * a {@code --set topics.events=a,b} writes them. An empty value unsets a key (and its default).
 */
public final class ConfigValues {
  /**
   * One value and where it came from.
   *
   * @param origin a file path, {@code --set} or {@code default}
   * @param directory what relative paths in the value are relative to: the config file's folder,
   *     or null for the working directory
   */
  public record Value(String text, String origin, Path directory) {
    /** {@code path} resolved against {@link #directory()}. */
    public Path resolve(String path) {
      Path given = Path.of(path);
      return directory == null || given.isAbsolute() ? given : directory.resolve(given);
    }
  }

  private final Map<String, Value> values;

  private ConfigValues(Map<String, Value> values) {
    this.values = values;
  }

  public static ConfigValues empty() {
    return new ConfigValues(new LinkedHashMap<>());
  }

  /** Values from one place; relative paths in them are relative to the working directory. */
  public static ConfigValues of(Map<String, String> flat, String origin) {
    return of(flat, origin, null);
  }

  /** Values from one place; relative paths in them are relative to {@code directory}. */
  public static ConfigValues of(Map<String, String> flat, String origin, Path directory) {
    Map<String, Value> values = new LinkedHashMap<>();
    flat.forEach((key, text) -> values.put(key, new Value(text, origin, directory)));
    return new ConfigValues(values);
  }

  /** These values with {@code overrides} laid on top, key by key. */
  public ConfigValues overriddenBy(ConfigValues overrides) {
    Map<String, Value> merged = new LinkedHashMap<>(values);
    merged.putAll(overrides.values);
    return new ConfigValues(merged);
  }

  /** The value of a key, or null when it is not set (or set empty). */
  public Value get(String key) {
    Value value = values.get(key);
    return value == null || value.text().isBlank() ? null : value;
  }

  /** Every set key under {@code prefix} (which ends in a dot), by the rest of its name, sorted. */
  public Map<String, Value> withPrefix(String prefix) {
    Map<String, Value> matching = new TreeMap<>();
    values.forEach((key, value) -> {
      if (key.startsWith(prefix) && key.length() > prefix.length() && !value.text().isBlank()) {
        matching.put(key.substring(prefix.length()), value);
      }
    });
    return matching;
  }

  /** Whether any of the keys is set (non-empty) by a source other than the defaults. */
  public boolean anySetBesides(String defaultOrigin, String... keysOrPrefixes) {
    for (Map.Entry<String, Value> entry : values.entrySet()) {
      if (entry.getValue().origin().equals(defaultOrigin)) {
        continue;
      }
      for (String key : keysOrPrefixes) {
        if (key.endsWith(".") ? entry.getKey().startsWith(key) : entry.getKey().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every key, set or unset, in insertion order. */
  public Map<String, Value> asMap() {
    return Collections.unmodifiableMap(values);
  }
}
