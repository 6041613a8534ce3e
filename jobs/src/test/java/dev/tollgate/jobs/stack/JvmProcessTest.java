package dev.tollgate.jobs.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmProcessTest {
  @TempDir Path dir;

  private JvmProcess sleeper() {
    return JvmProcess.start("sleeper", new JvmCommand(System.getProperty("java.class.path"), Sleeper.class.getName()),
        dir, dir.resolve("logs").resolve("sleeper.out"));
  }

  @Test
  void aPidFileFindsTheProcessOnlyWhileItRunsTheSameMainClass() {
    JvmProcess process = sleeper();
    try {
      assertThat(JvmProcess.attach("again", process.pid(), Sleeper.class.getName(), process.output()))
          .map(JvmProcess::pid).contains(process.pid());
      assertThat(JvmProcess.attach("other", process.pid(), "kafka.Kafka", process.output())).isEmpty();
    } finally {
      process.kill();
    }
    assertThat(process.isAlive()).isFalse();
    assertThat(JvmProcess.attach("gone", process.pid(), Sleeper.class.getName(), process.output())).isEmpty();
  }

  @Test
  void stopEndsTheProcessWithinTheGracePeriod() {
    JvmProcess process = sleeper();

    process.stop();

    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitCode()).isNotZero();
  }

  @Test
  void theJavaProcessOfThisTestIsNoStackProcess() {
    long self = ProcessHandle.current().pid();

    assertThat(JvmProcess.attach("self", self, KafkaBroker.MAIN_CLASS, dir.resolve("x.out"))).isEmpty();
  }
}
