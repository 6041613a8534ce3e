package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Identifier;
import dev.tollgate.dsl.ast.Metadata;
import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Metadata clauses: severity and category (required for rules), mode, suppress. */
final class MetadataChecker {
  private final CheckContext context;

  MetadataChecker(CheckContext context) {
    this.context = context;
  }

  void checkRule(String id, Metadata metadata, SourceSpan nameSpan) {
    if (metadata.severity().isEmpty()) {
      context.error(nameSpan, "rule " + id + " has no severity (add 'severity low|medium|high|critical')");
    }
    if (metadata.category().isEmpty()) {
      context.error(nameSpan, "rule " + id + " has no category (add 'category <name>')");
    }
    mode(metadata, nameSpan, "rule " + id);
    metadata.suppress().ifPresent(suppress -> {
      if (suppress.millis() < 0) {
        context.error(suppress.span(), "duration too large: " + suppress.text());
      }
    });
  }

  void checkAggregate(String id, Metadata metadata) {
    mode(metadata, null, "aggregate " + id);
    metadata.suppress().ifPresent(s -> context.error(s.span(), "suppress applies to rules, not aggregates"));
  }

  /** The severity, or null after an error. */
  Severity severity(Identifier level) {
    return parse(Severity.class, level, "severity", Arrays.stream(Severity.values()).map(Severity::keyword).toList());
  }

  private void mode(Metadata metadata, SourceSpan nameSpan, String what) {
    metadata.mode().ifPresent(mode -> {
      Mode parsed = parse(Mode.class, mode, "mode", Arrays.stream(Mode.values()).map(Mode::keyword).toList());
      if (parsed == Mode.DISABLED) {
        context.diagnostics.warning(mode.span(), what + " is disabled: it is checked but does not run");
      }
    });
  }

  private <E extends Enum<E>> E parse(Class<E> type, Identifier written, String what, List<String> keywords) {
    if (keywords.contains(written.value())) {
      return Enum.valueOf(type, written.value().toUpperCase(Locale.ROOT));
    }
    String hint = Suggestions.didYouMean(written.value(), keywords);
    context.error(written.span(), "unknown " + what + " '" + written.value() + "'"
        + (hint.isEmpty() ? "; expected " + String.join(", ", keywords) : hint));
    return null;
  }
}
