package dev.tollgate.dsl.diag;

import java.util.HashMap;
import java.util.Map;

/** The text of every file read, so diagnostics can quote the offending line. */
public final class SourceFiles {
  private final Map<String, String[]> linesByFile = new HashMap<>();

  public void add(String path, String text) {
    linesByFile.put(path, text.split("\r?\n", -1));
  }

  /** Line {@code line} (1-based) of {@code path}, or null if unknown. */
  public String line(String path, int line) {
    String[] lines = linesByFile.get(path);
    if (lines == null || line < 1 || line > lines.length) {
      return null;
    }
    return lines[line - 1];
  }
}
