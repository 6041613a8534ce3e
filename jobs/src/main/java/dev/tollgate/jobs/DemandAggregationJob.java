package dev.tollgate.jobs;

import dev.tollgate.jobs.runtime.JobLauncher;
import dev.tollgate.jobs.runtime.JobProfile;

/**
 * Flink job: every aggregate of the rule set over orders (tollgate-orders): window records to tollgate-demand, spike alerts to tollgate-alerts. Alerts go to tollgate-alerts and rejected records to tollgate-rejected.
 *
 * <p>Arguments: {@code [--config FILE.yaml] [--set key=value]... [--help]}; the keys and their
 * defaults are in {@code docs/operations.md}, what the job reads and writes in {@code docs/jobs.md}.
 */
public final class DemandAggregationJob {
  private DemandAggregationJob() {}

  public static void main(String[] args) throws Exception {
    JobLauncher.main(JobProfile.DEMAND, args);
  }
}
