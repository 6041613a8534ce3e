package dev.tollgate.jobs.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM the project starts: the same {@code java} this process runs on, a
 * classpath, JVM options, a main class and its arguments.
 */
public final class JvmCommand {
  /**
   * The JDK packages Flink reflects into on Java 17; the Flink distribution passes the same list
   * through {@code env.java.opts.all}.
   */
  /**
   * G1 with a 20 ms pause target, the collector settings Kafka's own start scripts give the broker:
   * short young collections instead of G1's default 200 ms target, for processes that sit on the
   * path of an alert.
   */
  public static final List<String> LOW_PAUSE_GC = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");

  public static final List<String> FLINK_JDK_OPENS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final String classpath;
  private final String mainClass;
  private final List<String> jvmOptions = new ArrayList<>();
  private final List<String> arguments = new ArrayList<>();

  public JvmCommand(String classpath, String mainClass) {
    this.classpath = classpath;
    this.mainClass = mainClass;
  }

  public JvmCommand jvmOptions(List<String> options) {
    jvmOptions.addAll(options);
    return this;
  }

  public JvmCommand jvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  public JvmCommand arguments(List<String> args) {
    arguments.addAll(args);
    return this;
  }

  public JvmCommand arguments(String... args) {
    return arguments(List.of(args));
  }

  /** The full command, starting with the path of the {@code java} launcher. */
  public List<String> toList() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(marker(mainClass));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }

  /**
   * The first JVM option of every command: names the main class where the OS still shows it (it
   * truncates long command lines, and the classpath comes first), so a pid file can be checked.
   */
  public static String marker(String mainClass) {
    return "-Dtollgate.main=" + mainClass;
  }

  public String mainClass() {
    return mainClass;
  }
}
