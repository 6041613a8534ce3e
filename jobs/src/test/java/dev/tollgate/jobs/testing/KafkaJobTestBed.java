package dev.tollgate.jobs.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a job's end-to-end test runs on, once per test class: a MiniCluster with two slots (for
 * parallelism 2) whose metrics are kept in memory, a real KRaft broker, and a folder for config
 * files and checkpoints. Register it as a static {@code @RegisterExtension} field.
 */
public final class KafkaJobTestBed implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final InMemoryReporter reporter = InMemoryReporter.create();
  private final MiniClusterExtension flink = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .setConfiguration(reporter.addToConfiguration(new Configuration()))
      .build());
  private Path directory;
  private KraftBroker kafka;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    flink.beforeAll(context);
    directory = Files.createTempDirectory(context.getRequiredTestClass().getSimpleName());
    kafka = KraftBroker.start(directory.resolve("kafka"));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    flink.beforeEach(context);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    flink.afterEach(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      kafka.close();
    } finally {
      flink.afterAll(context);
    }
  }

  public KraftBroker kafka() {
    return kafka;
  }

  public InMemoryReporter reporter() {
    return reporter;
  }

  /** The test class's folder, under the build's temporary directory. */
  public Path directory() {
    return directory;
  }
}
