package dev.tollgate.dsl.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Golden-file comparison. Baselines live in the source tree ({@code src/test/resources/golden}),
 * not on the class path, so that {@code -Dgolden.update=true} rewrites the files under version
 * control:
 *
 * <pre>mvn -o -B -q -pl rules-dsl test -Dgolden.update=true</pre>
 *
 * then review the diff with {@code git diff} before committing.
 */
public final class GoldenFiles {
  /** The system property that turns comparison into regeneration. */
  public static final String UPDATE_PROPERTY = "golden.update";
  /** Starts a case in a {@code .cases} file, and its findings in the baseline. */
  public static final String CASE_HEADER = "### ";

  private GoldenFiles() {}

  /** {@code src/test/resources/golden/<sub>} of this module, wherever the build runs from. */
  public static Path directory(String sub) {
    String basedir = System.getProperty("basedir");
    Path module = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
    if (basedir == null && !Files.isDirectory(module.resolve("src/test/resources/golden"))) {
      module = module.resolve("rules-dsl");
    }
    return module.resolve("src/test/resources/golden").resolve(sub);
  }

  /** Files in {@code directory} whose names end in {@code suffix}, sorted by name. */
  public static List<Path> list(Path directory, String suffix) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares {@code actual} with the baseline, or writes it when updating. */
  public static void assertMatches(Path baseline, String actual) {
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      try {
        Files.writeString(baseline, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(Files.exists(baseline))
        .withFailMessage("missing baseline %s; run the tests with -D%s=true to create it", baseline, UPDATE_PROPERTY)
        .isTrue();
    assertThat(actual)
        .withFailMessage("%s differs from the output; if the change is intended, rerun with -D%s=true and review"
            + " the diff%n--- expected%n%s%n--- actual%n%s", baseline, UPDATE_PROPERTY, read(baseline), actual)
        .isEqualTo(read(baseline));
  }

  /**
   * The cases of a {@code .cases} file: each starts with a line {@code ### name} and runs to the
   * next such line; in file order.
   */
  public static Map<String, String> cases(String text) {
    Map<String, String> cases = new LinkedHashMap<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(CASE_HEADER)) {
        if (name != null) {
          cases.put(name, body.toString());
        }
        name = line.substring(CASE_HEADER.length()).strip();
        body.setLength(0);
      } else if (name != null) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      cases.put(name, body.toString());
    }
    return cases;
  }
}
