package dev.tollgate.jobs.deploy;

import dev.tollgate.jobs.rest.FlinkRestClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the rule set of a running job without losing the state of unchanged rules: stop the
 * job with a savepoint, then submit the new rule set from it. State that nothing in the new job
 * reads (removed rules, operators gone) is dropped and reported.
 */
public final class Deployment {
  private static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final ClusterSubmitter submitter;
  private final PrintWriter out;

  public Deployment(ClusterSubmitter submitter, PrintWriter out) {
    this.submitter = submitter;
    this.out = out;
  }

  /** What a deploy did: the savepoint it went through, the new job and the state changes. */
  public record Result(String stoppedJob, String savepoint, String newJob, StateChanges changes) {}

  /**
   * @param next the new rule set; a null config means the running job's config file, a null
   *     parallelism the running job's parallelism
   * @param jobId the job to replace, or null for the one running {@code next.job()}
   * @param savepointDir where the savepoint goes, or null for the cluster's {@code
   *     execution.checkpointing.savepoint-dir}
   */
  public Result deploy(Submission next, String jobId, String savepointDir) {
    FlinkRestClient rest = submitter.rest();
    String running = jobId != null ? jobId : runningJob(rest, next.job());
    Optional<RuleSetManifest> before = RuleSetManifest.fromJobParameters(rest.jobParameters(running));
    if (next.config() == null && before.isPresent() && before.get().config() != null) {
      next = next.withConfig(Path.of(before.get().config()));
      out.println("config: " + next.config() + " (as the running job)");
    }
    if (next.sets().isEmpty() && before.isPresent() && !before.get().sets().isEmpty()) {
      next = next.withSets(before.get().sets());
      out.println("settings: " + String.join(" ", before.get().sets()) + " (as the running job)");
    }
    if (next.parallelism() == null) {
      next = next.withParallelism(rest.jobParallelism(running));
    }
    Submission.Prepared prepared = next.prepare();
    StateChanges changes = null;
    if (before.isPresent()) {
      changes = StateChanges.between(before.get(), prepared.manifest());
      out.println("state of job " + running + " after the deploy:");
      changes.print(out);
    } else {
      out.println("job " + running + " was not submitted by tollgate: it records no rule set, so the state"
          + " changes cannot be listed; state without a reader in the new job is dropped");
    }
    out.println("stopping job " + running + " with a savepoint …");
    out.flush();
    String trigger = rest.stopWithSavepoint(running, savepointDir, false);
    String savepoint = rest.awaitSavepoint(running, trigger, SAVEPOINT_TIMEOUT);
    out.println("savepoint: " + savepoint);
    out.flush();
    Submission.Prepared restored = new Submission.Prepared(prepared.submission().fromSavepoint(savepoint),
        prepared.manifest(), prepared.parallelism(), prepared.settings());
    String started;
    try {
      started = submitter.submit(restored);
      awaitRestored(rest, started);
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage() + "\nthe previous job is stopped; its state is in " + savepoint
          + "; resubmit the previous rule set with `tollgate submit --savepoint " + savepoint + " ...`", e);
    }
    out.println("job " + started + " runs the new rule set from the savepoint");
    out.flush();
    return new Result(running, savepoint, started, changes);
  }

  /** The running jobs submitted as {@code kind}. */
  public static List<String> runningJobs(FlinkRestClient rest, JobKind kind) {
    List<String> matching = new ArrayList<>();
    for (FlinkRestClient.Job job : rest.jobs()) {
      if (job.state().equals("RUNNING")) {
        Optional<RuleSetManifest> manifest = RuleSetManifest.fromJobParameters(rest.jobParameters(job.id()));
        if (manifest.map(m -> m.job().equals(kind.keyword())).orElse(false)) {
          matching.add(job.id());
        }
      }
    }
    return matching;
  }

  /** The one running job submitted as {@code kind}. */
  static String runningJob(FlinkRestClient rest, JobKind kind) {
    List<String> matching = runningJobs(rest, kind);
    if (matching.size() != 1) {
      throw new IllegalStateException(matching.isEmpty()
          ? "no running " + kind.keyword() + " job on " + rest.cluster() + "; start one with `tollgate submit`"
          : matching.size() + " running " + kind.keyword() + " jobs on " + rest.cluster() + " (" + String.join(", ", matching)
              + "); name one with --job-id");
    }
    return matching.get(0);
  }

  /** Waits until the new job runs and has restored the savepoint, or fails trying. */
  private static void awaitRestored(FlinkRestClient rest, String jobId) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String state = rest.job(jobId).state();
      if (state.equals("FAILED") || state.equals("FAILING") || state.equals("RESTARTING")) {
        throw new IllegalStateException("the new job " + jobId + " is " + state + ": " + rest.rootException(jobId));
      }
      // A checkpoint completes only once every task runs with its state restored.
      if (state.equals("RUNNING") && rest.checkpoints(jobId).completed() > 0) {
        return;
      }
      sleep();
    }
    throw new IllegalStateException("the new job " + jobId + " did not restore the savepoint within " + START_TIMEOUT);
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
