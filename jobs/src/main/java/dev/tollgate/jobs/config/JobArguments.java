package dev.tollgate.jobs.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's command line: {@code [--config FILE] [--set key=value]... [--help]}. {@code --set}
 * overrides the file key by key (an empty value unsets a key); lists are comma-separated.
 *
 * @param configFile the YAML file, or null when everything comes from defaults and {@code --set}
 */
public record JobArguments(Path configFile, ConfigValues overrides, boolean help) {
  public static final String ORIGIN = "--set";

  public static JobArguments parse(String... args) {
    Path configFile = null;
    Map<String, String> sets = new LinkedHashMap<>();
    boolean help = false;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String inline = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        inline = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--config", "--set" -> {
          String value = inline;
          if (value == null) {
            if (i + 1 >= args.length) {
              problems.add(arg + " needs a value");
              continue;
            }
            value = args[++i];
          }
          if (arg.equals("--config")) {
            configFile = Path.of(value);
          } else {
            int split = value.indexOf('=');
            if (split <= 0) {
              problems.add("--set " + value + ": expected key=value");
            } else {
              sets.put(value.substring(0, split).trim(), value.substring(split + 1).trim());
            }
          }
        }
        default -> problems.add("unknown argument '" + args[i] + "'; usage: [--config FILE] [--set key=value]... [--help]");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new JobArguments(configFile, ConfigValues.of(sets, ORIGIN), help);
  }
}
