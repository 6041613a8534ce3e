package dev.tollgate.jobs;

import dev.tollgate.jobs.runtime.JobLauncher;
import dev.tollgate.jobs.runtime.JobProfile;

/**
 * Flink job: the shipment pack (rules shipment.*) over carrier scans (tollgate-shipment-scans) and customs declarations (tollgate-customs-declarations). Alerts go to tollgate-alerts and rejected records to tollgate-rejected.
 *
 * <p>Arguments: {@code [--config FILE.yaml] [--set key=value]... [--help]}; the keys and their
 * defaults are in {@code docs/operations.md}, what the job reads and writes in {@code docs/jobs.md}.
 */
public final class ShipmentTrackingJob {
  private ShipmentTrackingJob() {}

  public static void main(String[] args) throws Exception {
    JobLauncher.main(JobProfile.SHIPMENT, args);
  }
}
