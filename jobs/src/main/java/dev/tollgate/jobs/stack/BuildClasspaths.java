package dev.tollgate.jobs.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpaths of the processes the project starts, resolved by Maven when the jobs module is
 * packaged ({@code jobs/target/classpath-*.txt}): the Flink distribution is the jobs module's
 * {@code provided} scope, the Kafka broker is {@code kafka_2.13} and what it needs.
 */
public final class BuildClasspaths {
  /** System property naming the folder with the classpath files; {@code bin/tollgate} sets it. */
  public static final String DIRECTORY_PROPERTY = "tollgate.classpath.dir";

  private final Path directory;

  public BuildClasspaths(Path directory) {
    this.directory = directory;
  }

  /** The folder named by {@value #DIRECTORY_PROPERTY}, else {@code target} of the working directory. */
  public static BuildClasspaths located() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    return new BuildClasspaths(Path.of(configured != null ? configured : "target").toAbsolutePath());
  }

  /**
   * Flink's runtime, clients, RocksDB state backend, web submission endpoints and log4j: what the
   * Flink distribution's {@code lib/} holds, without the job's own dependencies, so a job jar that
   * misses a class fails here as it would on a real cluster.
   */
  public String flink() {
    return read("classpath-provided.txt") + java.io.File.pathSeparator + read("classpath-flink-shared.txt");
  }

  /** A Kafka broker in KRaft mode. */
  public String kafkaBroker() {
    return read("classpath-kafka-broker.txt");
  }

  /** The shaded job jar that a cluster runs (classifier {@code job}). */
  public Path jobJar() {
    try (var files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().matches("tollgate-jobs-.*-job\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no shaded job jar in " + directory + "; build with `mvn package -pl jobs -am`"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read(String name) {
    Path file = directory.resolve(name);
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new IllegalStateException("missing " + file + "; build with `mvn package -pl jobs -am`", e);
    }
  }
}
