package dev.tollgate.jobs.deploy;

import dev.tollgate.jobs.DemandAggregationJob;
import dev.tollgate.jobs.RiskJob;
import dev.tollgate.jobs.ShipmentTrackingJob;
import dev.tollgate.jobs.runtime.JobProfile;
import java.util.Locale;

/** The jobs of the job jar, by the name the command line uses for them. */
public enum JobKind {
  RISK(RiskJob.class, JobProfile.RISK),
  DEMAND(DemandAggregationJob.class, JobProfile.DEMAND),
  SHIPMENT(ShipmentTrackingJob.class, JobProfile.SHIPMENT);

  private final Class<?> entryClass;
  private final JobProfile profile;

  JobKind(Class<?> entryClass, JobProfile profile) {
    this.entryClass = entryClass;
    this.profile = profile;
  }

  /** {@code risk}, {@code demand} or {@code shipment}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The main class the cluster runs. */
  public String entryClass() {
    return entryClass.getName();
  }

  public JobProfile profile() {
    return profile;
  }

  public static JobKind of(String keyword) {
    for (JobKind kind : values()) {
      if (kind.keyword().equals(keyword)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown job " + keyword + "; choose risk, demand or shipment");
  }
}
