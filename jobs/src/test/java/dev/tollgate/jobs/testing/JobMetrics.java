package dev.tollgate.jobs.testing;

import dev.tollgate.engine.metrics.AdmissionMetrics;
import dev.tollgate.engine.metrics.RuleMetrics;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;

/** Reads a running job's Tollgate counters from an in-memory reporter, summed over subtasks. */
public final class JobMetrics {
  private final InMemoryReporter reporter;
  private final JobID job;

  public JobMetrics(InMemoryReporter reporter, JobID job) {
    this.reporter = reporter;
    this.job = job;
  }

  public long admitted() {
    return sum("." + RuleMetrics.GROUP + "." + AdmissionMetrics.EVENTS_ADMITTED);
  }

  public long rejected(String reason) {
    return sum("." + RuleMetrics.GROUP + "." + AdmissionMetrics.REASON + "." + reason + "." + AdmissionMetrics.REJECTED);
  }

  public long evaluated(String ruleId) {
    return sum(ruleScope(ruleId) + RuleMetrics.EVENTS_EVALUATED);
  }

  public long alerts(String ruleId) {
    return sum(ruleScope(ruleId) + RuleMetrics.ALERTS);
  }

  /** The job's name as Flink reports it, or null before any metric is registered. */
  public String jobName() {
    for (MetricGroup group : reporter.getMetricsByGroup().keySet()) {
      Map<String, String> variables = group.getAllVariables();
      if (job.toString().equals(variables.get("<job_id>"))) {
        return variables.get("<job_name>");
      }
    }
    return null;
  }

  private static String ruleScope(String ruleId) {
    return "." + RuleMetrics.GROUP + "." + RuleMetrics.RULE + "." + ruleId + ".";
  }

  /** The sum of every counter of the job whose identifier ends with {@code suffix}. */
  private long sum(String suffix) {
    long total = 0;
    for (Map.Entry<MetricGroup, Map<String, Metric>> group : reporter.getMetricsByGroup().entrySet()) {
      if (!job.toString().equals(group.getKey().getAllVariables().get("<job_id>"))) {
        continue;
      }
      for (Map.Entry<String, Metric> metric : group.getValue().entrySet()) {
        if (metric.getValue() instanceof Counter counter
            && group.getKey().getMetricIdentifier(metric.getKey()).endsWith(suffix)) {
          total += counter.getCount();
        }
      }
    }
    return total;
  }
}
