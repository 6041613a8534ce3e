package dev.tollgate.jobs.stack;

/** A main class for process tests: sleeps until killed. */
public final class Sleeper {
  private Sleeper() {}

  public static void main(String[] args) throws InterruptedException {
    Thread.sleep(Long.MAX_VALUE);
  }
}
