package dev.tollgate.dsl.explain;

/** A block of {@code label  value} lines with aligned values; the explainer's layout. */
final class Section {
  private static final int LABEL_WIDTH = 12;
  private final StringBuilder out = new StringBuilder();

  Section(String heading) {
    out.append(heading).append('\n');
  }

  /** Adds {@code label value}; nothing when the value is null. */
  Section line(String label, String value) {
    if (value != null) {
      String line = "  " + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length())) + value;
      out.append(line.stripTrailing()).append('\n');
    }
    return this;
  }

  /** Adds a line under the previous label, indented to the values. */
  Section item(String value) {
    out.append("  ").append(" ".repeat(LABEL_WIDTH)).append(value).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
