package dev.tollgate.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the latest results into the "Benchmark" section of {@code docs/performance.md}, between two
 * markers, so the section's hand-written text (what the cases mean, where the time goes) and the
 * document's other sections stay as they are. Creates the file or the section when missing.
 */
final class PerformanceDoc {
  static final String SECTION = "## Benchmark";
  static final String BEGIN = "<!-- tollgate bench: results begin -->";
  static final String END = "<!-- tollgate bench: results end -->";

  private PerformanceDoc() {}

  static void update(Path file, String results) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Performance\n";
    Files.writeString(file, withResults(text, results), StandardCharsets.UTF_8);
  }

  /** {@code document} with {@code results} between the markers of the Benchmark section. */
  static String withResults(String document, String results) {
    String block = BEGIN + "\n\n" + results.strip() + "\n\n" + END;
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin >= 0 && end > begin) {
      return document.substring(0, begin) + block + document.substring(end + END.length());
    }
    int section = sectionStart(document);
    if (section < 0) {
      String separator = document.endsWith("\n") ? "\n" : "\n\n";
      return document + separator + SECTION + "\n\n" + block + "\n";
    }
    int bodyStart = document.indexOf('\n', section);
    bodyStart = bodyStart < 0 ? document.length() : bodyStart + 1;
    int next = document.indexOf("\n## ", bodyStart);
    int insertAt = next < 0 ? document.length() : next + 1;
    String before = document.substring(0, insertAt);
    String gap = before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    return before + gap + block + "\n" + (next < 0 ? "" : "\n") + document.substring(insertAt);
  }

  private static int sectionStart(String document) {
    if (document.startsWith(SECTION + "\n")) {
      return 0;
    }
    int at = document.indexOf("\n" + SECTION + "\n");
    return at < 0 ? -1 : at + 1;
  }
}
