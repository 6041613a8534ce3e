package dev.tollgate.jobs.deploy;

import dev.tollgate.jobs.rest.FlinkRestClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * Sends the job jar to a session cluster and runs one of its jobs: upload, run with an explicit
 * parallelism (the REST API ignores {@code parallelism.default}) and the rule-set manifest as job
 * parameters, then delete the uploaded jar (the running job keeps its own copy).
 */
public final class ClusterSubmitter {
  private final FlinkRestClient rest;
  private final Path jobJar;

  public ClusterSubmitter(FlinkRestClient rest, Path jobJar) {
    this.rest = rest;
    this.jobJar = jobJar;
  }

  /**
   * Submits the job; a submission with a savepoint drops state that no operator of the new job
   * reads ({@code allowNonRestoredState}), as removing a rule must.
   *
   * @return the id of the job on the cluster
   */
  public String submit(Submission.Prepared prepared) {
    Submission submission = prepared.submission();
    String jarId = rest.uploadJar(jobJar);
    try {
      return rest.runJar(jarId, new FlinkRestClient.RunRequest(
          submission.job().entryClass(),
          submission.programArgs(),
          prepared.parallelism(),
          submission.savepoint(),
          submission.savepoint() != null,
          Map.of("pipeline.global-job-parameters", prepared.manifest().toFlinkOption())));
    } finally {
      rest.deleteJar(jarId);
    }
  }

  public FlinkRestClient rest() {
    return rest;
  }
}
