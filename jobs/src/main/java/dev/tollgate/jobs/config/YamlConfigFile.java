package dev.tollgate.jobs.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.YamlParserUtils;

/**
 * Reads a job's YAML config file with Flink's own YAML parser — the one that reads {@code
 * config.yaml} — so the same file syntax works for both. Nested maps flatten to dotted keys
 * ({@code kafka: {properties: {security.protocol: SSL}}} is {@code
 * kafka.properties.security.protocol}), lists become comma-separated text and {@code null} (or
 * {@code ~}) an empty value, which unsets a key. Relative paths in the file are relative to the
 * file's folder.
 */
public final class YamlConfigFile {
  private YamlConfigFile() {}

  public static ConfigValues read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(List.of("config file " + file + " does not exist or is not a file"));
    }
    Map<String, Object> tree;
    try {
      tree = YamlParserUtils.loadYamlFile(file.toFile());
    } catch (Exception e) {
      throw new ConfigException(List.of("config file " + file + " is not valid YAML: " + e.getMessage()));
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (tree != null) {
      flatten("", tree, flat);
    }
    return ConfigValues.of(flat, file.toString(), file.toAbsolutePath().getParent());
  }

  private static void flatten(String prefix, Map<?, ?> tree, Map<String, String> flat) {
    for (Map.Entry<?, ?> entry : tree.entrySet()) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, flat);
      } else {
        flat.put(key, text(value));
      }
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(String.valueOf(item));
      }
      return String.join(",", items);
    }
    return String.valueOf(value);
  }
}
