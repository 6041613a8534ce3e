package dev.tollgate.jobs.config;

import java.util.List;

/** A job's configuration is unusable; the message lists every problem found, one a line. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(problems.size() == 1 ? "invalid job configuration: " + problems.get(0)
        : "invalid job configuration:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
