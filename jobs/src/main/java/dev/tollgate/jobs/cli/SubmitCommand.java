package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.deploy.ClusterSubmitter;
import dev.tollgate.jobs.deploy.Deployment;
import dev.tollgate.jobs.deploy.JobJar;
import dev.tollgate.jobs.deploy.JobKind;
import dev.tollgate.jobs.deploy.Submission;
import dev.tollgate.jobs.rest.FlinkRestClient;
import dev.tollgate.jobs.stack.MissingTopics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tollgate submit}: send the job jar to a Flink session cluster and start a job. */
@Command(name = "submit", description = "Submit a Tollgate job to a Flink session cluster through its REST API.")
final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin JobOptions job;

  @Option(names = "--rules", paramLabel = "DIR", description = "Rule set (overrides the config's rules.path).")
  List<Path> rules = List.of();

  @Option(names = "--savepoint", paramLabel = "PATH", description = "Start from this savepoint or retained checkpoint.")
  String savepoint;

  @Option(names = "--create-topics", description = "Create the job's topics that do not exist yet (2 partitions, "
      + "replication factor 1 unless --replication-factor).")
  boolean createTopics;

  @Option(names = "--replication-factor", defaultValue = "1", description = "Replication of created topics (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(names = "--if-not-running", description = "Do nothing if a job of this kind already runs on the cluster.")
  boolean ifNotRunning;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (ifNotRunning) {
      List<String> running = Deployment.runningJobs(new FlinkRestClient(job.cluster), JobKind.of(job.job));
      if (!running.isEmpty()) {
        out.println("a " + job.job + " job runs already: " + String.join(", ", running));
        out.flush();
        return 0;
      }
    }
    Submission.Prepared prepared = job.submission(rules, savepoint).prepare();
    if (createTopics) {
      List<String> created = MissingTopics.create(prepared.settings().kafka().bootstrapServers(),
          prepared.settings().kafka().properties(), prepared.topics(), 2, replicationFactor);
      out.println(created.isEmpty() ? "topics exist" : "created topics " + String.join(", ", created));
    }
    FlinkRestClient rest = new FlinkRestClient(job.cluster);
    String jobId = new ClusterSubmitter(rest, job.jar != null ? job.jar : JobJar.locate()).submit(prepared);
    out.printf("submitted %s job %s to %s: %d rules, %d aggregates, parallelism %d%s%n",
        prepared.submission().job().keyword(), jobId, rest.cluster(),
        prepared.manifest().rules().size(), prepared.manifest().aggregates().size(), prepared.parallelism(),
        savepoint == null ? "" : ", from " + savepoint);
    out.flush();
    return 0;
  }
}
