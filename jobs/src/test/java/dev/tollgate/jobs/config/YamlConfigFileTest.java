package dev.tollgate.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigFileTest {
  @TempDir Path dir;

  @Test
  void flattensNestingListsAndNulls() throws Exception {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, """
        topics:
          events: [a, b]
          typed:
            Order: orders
        parallelism: 2
        checkpoints.dir: ~
        """);

    ConfigValues values = YamlConfigFile.read(file);

    assertThat(values.get("topics.events").text()).isEqualTo("a,b");
    assertThat(values.get("topics.typed.Order").text()).isEqualTo("orders");
    assertThat(values.get("parallelism").text()).isEqualTo("2");
    assertThat(values.get("checkpoints.dir")).as("null unsets").isNull();
    assertThat(values.asMap()).containsKey("checkpoints.dir");
    assertThat(values.get("parallelism").origin()).isEqualTo(file.toString());
  }

  @Test
  void saysWhatIsWrongWithAFile() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "kafka: [unclosed\n");

    assertThatThrownBy(() -> YamlConfigFile.read(dir.resolve("missing.yaml")))
        .hasMessageContaining("missing.yaml does not exist");
    assertThatThrownBy(() -> YamlConfigFile.read(broken))
        .hasMessageContaining("config file " + broken + " is not valid YAML");
  }
}
