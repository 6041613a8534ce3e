package dev.tollgate.dsl.ast;

import java.util.List;

/** One parsed {@code .rule} file. */
public record RuleFile(String path, List<Declaration> declarations) {
  public RuleFile {
    declarations = List.copyOf(declarations);
  }
}
