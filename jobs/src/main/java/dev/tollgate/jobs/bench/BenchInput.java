package dev.tollgate.jobs.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Input of a benchmark case: a JSON-lines data set split into one file per source reader, like a
 * Kafka topic's partitions. Lines are dealt round-robin, so each part keeps the order (and event
 * time) of the whole and every reader sees the same span of event time.
 *
 * @param directory holds {@code part-<i>.jsonl}, one per reader
 * @param lines lines in all parts together
 * @param description what the data is, for the report
 */
record BenchInput(Path directory, long lines, String description) {

  /** Splits {@code file} into {@code parts} files under {@code directory}. */
  static BenchInput split(Path file, Path directory, int parts, String description) throws IOException {
    try (PartWriter out = new PartWriter(directory, parts);
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
      }
      return new BenchInput(directory, out.written(), description);
    }
  }

  /** Writes lines round-robin into {@code part-<i>.jsonl} files. */
  static final class PartWriter implements AutoCloseable {
    private final BufferedWriter[] parts;
    private long written;

    PartWriter(Path directory, int parts) throws IOException {
      Files.createDirectories(directory);
      this.parts = new BufferedWriter[parts];
      for (int i = 0; i < parts; i++) {
        this.parts[i] = Files.newBufferedWriter(directory.resolve("part-" + i + ".jsonl"), StandardCharsets.UTF_8);
      }
    }

    void write(String line) throws IOException {
      BufferedWriter part = parts[(int) (written++ % parts.length)];
      part.write(line);
      part.write('\n');
    }

    long written() {
      return written;
    }

    @Override
    public void close() throws IOException {
      for (BufferedWriter part : parts) {
        part.close();
      }
    }
  }
}
