package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.deploy.JobKind;
import dev.tollgate.jobs.deploy.Submission;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code submit} and {@code deploy} share: cluster, job, config, rules, jar. */
final class JobOptions {
  @Option(names = "--cluster", required = true, paramLabel = "URL",
      description = "REST address of the Flink JobManager, e.g. http://127.0.0.1:8081.")
  URI cluster;

  @Option(names = "--job", defaultValue = "risk", paramLabel = "risk|demand|shipment",
      description = "Which job of the job jar (default: ${DEFAULT-VALUE}).")
  String job;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The job's config file (docs/operations.md); read on the JobManager, so give a path it sees.")
  Path config;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Parallelism of the job (default: the config's parallelism, else 1).")
  Integer parallelism;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key, as the job's --set.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--jar", paramLabel = "FILE", description = "The job jar (default: the one the build made).")
  Path jar;

  Submission submission(List<Path> rules, String savepoint) {
    return new Submission(JobKind.of(job), config, rules, parallelism, savepoint, sets);
  }
}
