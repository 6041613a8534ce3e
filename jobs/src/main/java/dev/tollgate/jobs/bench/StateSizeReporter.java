package dev.tollgate.jobs.bench;

import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.View;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Reads the size of RocksDB state while a run goes on: a metric reporter for the embedded cluster
 * that keeps RocksDB's native size gauges (SST files on disk plus memtables, per column family of
 * every keyed operator), and a sampler that refreshes and adds them up several times a second.
 * Flink itself refreshes these gauges only every few seconds, too rarely for a run of seconds;
 * refreshing them here is safe because the gauge reads RocksDB under the same lock that closing
 * the state backend takes.
 */
public final class StateSizeReporter implements MetricReporter {
  private static final String NAME = "bench-state";
  private static final String SST = "rocksdb.total-sst-files-size";
  private static final String MEMTABLES = "rocksdb.cur-size-all-mem-tables";
  private static final long SAMPLE_MILLIS = 100;

  private static final Set<Gauge<?>> GAUGES = ConcurrentHashMap.newKeySet();

  /** The cluster configuration that enables the gauges and this reporter. */
  static void configure(Configuration config) {
    config.setString("state.backend.rocksdb.metrics.total-sst-files-size", "true");
    config.setString("state.backend.rocksdb.metrics.cur-size-all-mem-tables", "true");
    config.setString("metrics.reporter." + NAME + ".factory.class", Factory.class.getName());
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    if (metric instanceof Gauge<?> gauge && (metricName.equals(SST) || metricName.equals(MEMTABLES))) {
      GAUGES.add(gauge);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    if (metric instanceof Gauge<?> gauge) {
      GAUGES.remove(gauge);
    }
  }

  /** Samples the total while a run goes on; {@link #peakBytes()} is the largest total seen. */
  static final class Watch implements AutoCloseable {
    private final PeakSampler sampler = new PeakSampler("bench-state-sampler", SAMPLE_MILLIS, Watch::total);

    private Watch() {}

    static Watch start() {
      return new Watch();
    }

    long peakBytes() {
      return sampler.peak();
    }

    private static long total() {
      long sum = 0;
      for (Gauge<?> gauge : GAUGES) {
        if (gauge instanceof View view) {
          view.update();
        }
        if (gauge.getValue() instanceof Number value) {
          sum += value.longValue();
        }
      }
      return sum;
    }

    @Override
    public void close() throws InterruptedException {
      sampler.close();
    }
  }

  /** Creates the reporter; named in the cluster configuration by {@link #configure}. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new StateSizeReporter();
    }
  }
}
