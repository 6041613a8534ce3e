package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.bench.BenchCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tollgate}: the command line analysts and operators use. Exit codes: 0 success, 1 findings
 * or failures (rule errors, failing tests), 2 usage errors.
 */
@Command(
    name = "tollgate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Streaming risk engine for cross-border commerce: check, test, backtest and explain rules; generate traffic; run the demo.",
    subcommands = {
      CheckCommand.class,
      TestCommand.class,
      ExplainCommand.class,
      BacktestCommand.class,
      GenerateCommand.class,
      StackCommand.class,
      SubmitCommand.class,
      DeployCommand.class,
      DocsCommand.class,
      BenchCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TollgateCommand implements Runnable {
  @Option(names = "--verbose", description = "Show stack traces of unexpected errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    TollgateCommand root = new TollgateCommand();
    CommandLine commandLine = new CommandLine(root);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
      err.println("tollgate: " + describe(exception));
      if (root.verbose) {
        exception.printStackTrace(err);
      }
      err.flush();
      return 1;
    });
    return commandLine.execute(args);
  }

  private static String describe(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
