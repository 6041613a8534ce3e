package dev.tollgate.dsl.diag;

import dev.tollgate.dsl.ast.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects findings across every stage so an analyst sees all of them in one pass. */
public final class Diagnostics {
  // A set: a construct reached twice (e.g. a const used by two rules) reports once.
  private final Set<Diagnostic> findings = new LinkedHashSet<>();

  public void error(SourceSpan span, String message) {
    findings.add(Diagnostic.error(span, message));
  }

  public void warning(SourceSpan span, String message) {
    findings.add(Diagnostic.warning(span, message));
  }

  public void add(Diagnostic diagnostic) {
    findings.add(diagnostic);
  }

  public void addAll(Diagnostics other) {
    findings.addAll(other.findings);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) findings.stream().filter(Diagnostic::isError).count();
  }

  public int warningCount() {
    return findings.size() - errorCount();
  }

  /** Findings ordered by file, line and column. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> list = new ArrayList<>(findings);
    list.sort(null);
    return list;
  }

  public boolean isEmpty() {
    return findings.isEmpty();
  }
}
