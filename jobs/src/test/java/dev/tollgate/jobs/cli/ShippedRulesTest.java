package dev.tollgate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedRulesTest {
  @TempDir Path dir;

  @AfterEach
  void forgetHome() {
    System.clearProperty(ShippedRules.HOME_PROPERTY);
  }

  @Test
  void findsTheRepositoryRulesFromAModuleDirectory() {
    Path found = ShippedRules.locate().orElseThrow();

    assertThat(found.resolve("schema")).isDirectory();
    assertThat(found).isEqualTo(Path.of("..", "rules").toAbsolutePath().normalize());
  }

  @Test
  void theInstallationHomeComesFirst() throws Exception {
    Files.createDirectories(dir.resolve("rules/schema"));
    System.setProperty(ShippedRules.HOME_PROPERTY, dir.toString());

    assertThat(ShippedRules.locate()).contains(dir.resolve("rules"));
  }

  @Test
  void aHomeWithoutRulesIsPassedOver() {
    System.setProperty(ShippedRules.HOME_PROPERTY, dir.toString());

    assertThat(ShippedRules.locate()).contains(Path.of("..", "rules").toAbsolutePath().normalize());
  }
}
