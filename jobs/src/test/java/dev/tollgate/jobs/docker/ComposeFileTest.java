package dev.tollgate.jobs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml parses and validates with a real compose implementation (Debian's {@code
 * docker-compose}, which needs no Docker engine for {@code config}). CI installs it ({@code
 * .ci/run}) and so requires it; elsewhere the test is skipped without it.
 */
class ComposeFileTest {
  private static final Path COMPOSE_FILE = Path.of("..", "docker", "compose.yaml");

  @Test
  void composeFileIsValid() throws Exception {
    boolean available = onPath("docker-compose");
    if (System.getenv("CI") == null) {
      assumeTrue(available, "docker-compose is not installed");
    }
    assertThat(available).as("docker-compose on PATH (.ci/run installs it)").isTrue();

    Path output = Files.createTempFile("compose-config", ".txt");
    Process process = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue())
        .as("docker-compose config -q: %s", Files.readString(output, StandardCharsets.UTF_8))
        .isZero();
  }

  @Test
  void theJobImageEntryPointIsExecutable() {
    assertThat(Files.isExecutable(Path.of("..", "docker", "tollgate-entrypoint.sh"))).isTrue();
  }

  private static boolean onPath(String command) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
