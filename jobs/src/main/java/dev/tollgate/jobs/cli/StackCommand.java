package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.rest.FlinkRestClient;
import dev.tollgate.jobs.stack.BuildClasspaths;
import dev.tollgate.jobs.stack.LocalStack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tollgate stack up|down|status}: a Kafka broker and a Flink session cluster on loopback
 * for trying Tollgate locally, as separate processes that keep running between commands.
 */
@Command(name = "stack",
    description = "Run a local Kafka broker and Flink session cluster (loopback only) for a trial.",
    subcommands = {StackCommand.Up.class, StackCommand.Down.class, StackCommand.Status.class})
final class StackCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The stack's folder, shared by every subcommand. */
  static final class Folder {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".tollgate/stack",
        description = "Folder for pid files, logs, broker data, checkpoints and savepoints (default: ${DEFAULT-VALUE}).")
    Path dir;

    LocalStack stack() {
      return new LocalStack(dir);
    }
  }

  @Command(name = "up", description = "Start whatever part of the stack is not running; print its addresses.")
  static final class Up implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Folder folder;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--flink-rest-port", defaultValue = "8081", description = "Flink REST API and web UI port (default: ${DEFAULT-VALUE}).")
    int restPort;

    @Option(names = "--flink-rpc-port", defaultValue = "6123", description = "Flink JobManager RPC port (default: ${DEFAULT-VALUE}).")
    int rpcPort;

    @Option(names = "--task-managers", defaultValue = "1", description = "TaskManagers to run, 2 slots each (default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      LocalStack stack = folder.stack();
      LocalStack.Status status = stack.up(new LocalStack.Ports(kafkaPort, controllerPort, rpcPort, restPort),
          taskManagers, BuildClasspaths.located(), out);
      print(status, stack, out);
      return 0;
    }
  }

  @Command(name = "down", description = "Stop the stack's processes; data, checkpoints and logs stay.")
  static final class Down implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Folder folder;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      folder.stack().down(out);
      out.println("stack stopped");
      out.flush();
      return 0;
    }
  }

  @Command(name = "status", description = "Show which processes of the stack run; exit 0 if all do, 1 otherwise.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Folder folder;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      LocalStack stack = folder.stack();
      LocalStack.Status status = stack.status();
      print(status, stack, out);
      return status.allRunning() ? 0 : 1;
    }
  }

  static void print(LocalStack.Status status, LocalStack stack, PrintWriter out) {
    status.processes().forEach((name, pid) ->
        out.printf("%-16s %s%n", name, pid.map(p -> "running (pid " + p + ")").orElse("stopped")));
    if (status.processes().get("jobmanager").isPresent()) {
      out.println("kafka            " + status.bootstrapServers());
      out.println("flink            " + status.flinkRest());
      jobs(status).ifPresent(out::println);
    }
    out.println("logs             " + stack.logs());
    out.flush();
  }

  private static Optional<String> jobs(LocalStack.Status status) {
    try {
      FlinkRestClient rest = new FlinkRestClient(status.flinkRest());
      FlinkRestClient.Overview overview = rest.overview();
      StringBuilder text = new StringBuilder(String.format("slots            %d of %d free",
          overview.slotsAvailable(), overview.slotsTotal()));
      for (FlinkRestClient.Job job : rest.jobs()) {
        if (job.state().equals("RUNNING") || job.state().equals("RESTARTING") || job.state().equals("CREATED")) {
          text.append(String.format("%njob              %s %s (%s)", job.id(), job.name(), job.state()));
        }
      }
      return Optional.of(text.toString());
    } catch (RuntimeException unreachable) {
      return Optional.of("flink REST       not answering: " + unreachable.getMessage());
    }
  }
}
