package dev.tollgate.jobs.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM running as a child process with its standard output and error in one file. The process
 * outlives this JVM unless stopped: {@code tollgate stack up} returns while the cluster runs.
 */
public final class JvmProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(30);

  private final String name;
  private final ProcessHandle handle;
  private final Process process;
  private final Path output;

  private JvmProcess(String name, ProcessHandle handle, Process process, Path output) {
    this.name = name;
    this.handle = handle;
    this.process = process;
    this.output = output;
  }

  /**
   * Starts the command in {@code workDir}, appending its console output to {@code output}.
   */
  public static JvmProcess start(String name, JvmCommand command, Path workDir, Path output) {
    try {
      Files.createDirectories(output.getParent());
      Process process = new ProcessBuilder(command.toList())
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .start();
      return new JvmProcess(name, process.toHandle(), process, output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * The process with this pid if it is alive and runs {@code mainClass}: a pid file may outlive
   * its process, and the pid be reused by an unrelated one.
   */
  public static Optional<JvmProcess> attach(String name, long pid, String mainClass, Path output) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(line -> line.contains(JvmCommand.marker(mainClass))).orElse(false))
        .map(h -> new JvmProcess(name, h, null, output));
  }

  public String name() {
    return name;
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /** The file with the process's console output. */
  public Path output() {
    return output;
  }

  /** The exit code of a process this JVM started and that has ended. */
  public int exitCode() {
    if (process == null) {
      throw new IllegalStateException(name + " was not started by this process");
    }
    return process.exitValue();
  }

  /** SIGKILL: the process gets no chance to clean up, as in a machine failure. */
  public void kill() {
    handle.destroyForcibly();
    await(Duration.ofSeconds(30));
  }

  /** SIGTERM, then SIGKILL if the process has not ended after a grace period. */
  public void stop() {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    if (!await(GRACE)) {
      kill();
    }
  }

  /** Whether the process ended within the timeout. */
  public boolean await(Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !handle.isAlive();
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
