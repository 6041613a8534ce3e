package dev.tollgate.jobs.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the rule set that ships with Tollgate, so commands that need one work from any directory:
 * the {@code tollgate.home} property (set by {@code bin/tollgate}) or {@code TOLLGATE_HOME}, then the
 * working directory and its parents, then the directories above the running code.
 */
final class ShippedRules {
  static final String HOME_PROPERTY = "tollgate.home";
  static final String HOME_VARIABLE = "TOLLGATE_HOME";

  private ShippedRules() {}

  /** The first {@code rules} directory that holds an event catalog, if any. */
  static Optional<Path> locate() {
    return candidates().stream().filter(ShippedRules::isRuleSet).findFirst();
  }

  /** Where {@link #locate()} looks, in order: for the error message when it finds nothing. */
  static List<Path> candidates() {
    List<Path> roots = new ArrayList<>();
    String property = System.getProperty(HOME_PROPERTY);
    if (property != null && !property.isBlank()) {
      roots.add(Path.of(property));
    }
    String variable = System.getenv(HOME_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      roots.add(Path.of(variable));
    }
    addWithParents(roots, Path.of("").toAbsolutePath());
    codeLocation().ifPresent(location -> addWithParents(roots, location));
    return roots.stream().map(root -> root.resolve("rules").normalize()).distinct().toList();
  }

  private static boolean isRuleSet(Path dir) {
    return Files.isDirectory(dir.resolve("schema"));
  }

  private static void addWithParents(List<Path> roots, Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      roots.add(dir);
    }
  }

  private static Optional<Path> codeLocation() {
    try {
      var source = ShippedRules.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
