package dev.tollgate.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {
  @Test
  void takesAConfigFileAndOverridesInEitherForm() {
    JobArguments arguments = JobArguments.parse("--config", "risk.yaml", "--set", "parallelism=4",
        "--set=topics.events=a,b");

    assertThat(arguments.configFile()).isEqualTo(Path.of("risk.yaml"));
    assertThat(arguments.overrides().get("parallelism").text()).isEqualTo("4");
    assertThat(arguments.overrides().get("topics.events").text()).isEqualTo("a,b");
    assertThat(arguments.overrides().get("topics.events").origin()).isEqualTo("--set");
    assertThat(arguments.help()).isFalse();
  }

  @Test
  void runsWithoutAConfigFile() {
    assertThat(JobArguments.parse().configFile()).isNull();
    assertThat(JobArguments.parse("--help").help()).isTrue();
  }

  @Test
  void reportsEveryBadArgument() {
    assertThatThrownBy(() -> JobArguments.parse("--rules", "x", "--set", "parallelism", "--config"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "unknown argument '--rules'; usage: [--config FILE] [--set key=value]... [--help]",
            "unknown argument 'x'; usage: [--config FILE] [--set key=value]... [--help]",
            "--set parallelism: expected key=value",
            "--config needs a value"));
  }
}
