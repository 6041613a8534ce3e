package dev.tollgate.dsl.plan;

import java.util.Locale;

/** Alert severity, ordered {@code LOW < MEDIUM < HIGH < CRITICAL}. */
public enum Severity {
  LOW, MEDIUM, HIGH, CRITICAL;

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
