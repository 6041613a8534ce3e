package dev.tollgate.jobs.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
  @TempDir Path dir;

  @Test
  void aNewFolderHasNothingRunningAndTheDefaultPorts() {
    LocalStack.Status status = new LocalStack(dir).status();

    assertThat(status.noneRunning()).isTrue();
    assertThat(status.processes()).containsOnlyKeys("kafka", "jobmanager", "taskmanager-1");
    assertThat(status.ports()).isEqualTo(LocalStack.Ports.DEFAULT);
    assertThat(status.flinkRest()).hasToString("http://127.0.0.1:8081");
  }

  @Test
  void aPidFileOfAnotherProgramCountsAsStoppedAndDownLeavesThatProgramAlone() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    long self = ProcessHandle.current().pid();
    Files.writeString(run.resolve("kafka.pid"), Long.toString(self));
    Files.writeString(run.resolve("jobmanager.pid"), "not a pid");
    LocalStack stack = new LocalStack(dir);

    assertThat(stack.status().noneRunning()).isTrue();
    StringWriter out = new StringWriter();
    stack.down(new PrintWriter(out));

    assertThat(ProcessHandle.current().isAlive()).isTrue();
    assertThat(out.toString()).doesNotContain("stopping");
    assertThat(run.resolve("kafka.pid")).doesNotExist();
    assertThat(run.resolve("jobmanager.pid")).doesNotExist();
  }
}
