package dev.tollgate.dsl.plan;

import java.util.Locale;

/**
 * How a rule runs: {@code ACTIVE} alerts are routed; {@code SHADOW} alerts are recorded, marked
 * shadow and never routed to case management; {@code DISABLED} rules are compiled but not run.
 */
public enum Mode {
  ACTIVE, SHADOW, DISABLED;

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
