package dev.tollgate.jobs.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster the job tests run on: two slots for parallelism 2, metrics kept in memory. */
public final class FlinkWithMetrics {
  private FlinkWithMetrics() {}

  public static MiniClusterExtension miniCluster(InMemoryReporter reporter) {
    return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
        .setNumberTaskManagers(1)
        .setNumberSlotsPerTaskManager(2)
        .setConfiguration(reporter.addToConfiguration(new Configuration()))
        .build());
  }
}
