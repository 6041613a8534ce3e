package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.jobs.deploy.ClusterSubmitter;
import dev.tollgate.jobs.deploy.Deployment;
import dev.tollgate.jobs.deploy.JobJar;
import dev.tollgate.jobs.rest.FlinkRestClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tollgate deploy}: check a rule set, stop the running job with a savepoint and start the
 * new rule set from it; unchanged rules keep their state.
 */
@Command(name = "deploy",
    description = "Check a rule set, stop the running job with a savepoint, start the new rule set from it, "
        + "and report the state that is dropped.")
final class DeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin JobOptions job;

  @Option(names = "--rules", required = true, paramLabel = "DIR", description = "The new rule set.")
  List<Path> rules;

  @Option(names = "--job-id", paramLabel = "ID", description = "The job to replace (default: the one running --job).")
  String jobId;

  @Option(names = "--savepoint-dir", paramLabel = "URI",
      description = "Where the savepoint goes (default: the cluster's execution.checkpointing.savepoint-dir).")
  String savepointDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Compilation checked = RuleSetInput.compile(rules, null, out);
    if (checked.plan() == null) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tollgate: the rule set has " + RuleSetInput.plural(checked.diagnostics().errorCount(), "error")
          + "; nothing was deployed");
      err.flush();
      return 1;
    }
    FlinkRestClient rest = new FlinkRestClient(job.cluster);
    Deployment deployment = new Deployment(new ClusterSubmitter(rest, job.jar != null ? job.jar : JobJar.locate()), out);
    Deployment.Result result = deployment.deploy(job.submission(rules, null), jobId, savepointDir);
    out.printf("deployed: job %s replaced %s through savepoint %s%n", result.newJob(), result.stoppedJob(), result.savepoint());
    out.flush();
    return 0;
  }
}
