package dev.tollgate.jobs.ruletest;

/**
 * One output of one test's pipeline on its way from the job to the runner: the test's index, what
 * it is, and the value serialized by the engine's own serializer for that kind (so alerts and
 * window records cross the job boundary exactly as typed, without generic serialization). A Flink
 * POJO.
 */
public final class TestOutput {
  /** What a test's pipeline produced. */
  public enum Kind {
    /** An {@link dev.tollgate.engine.alert.Alert}: a rule's or an aggregate spike's. */
    ALERT,
    /** An aggregate's {@link dev.tollgate.engine.aggregate.WindowRecord}. */
    RECORD,
    /** A given event the pipeline rejected; the payload is its description in UTF-8. */
    REJECTED
  }

  /** Index of the test in the run. */
  public int test;

  public Kind kind;

  public byte[] payload;

  public TestOutput() {}

  public TestOutput(int test, Kind kind, byte[] payload) {
    this.test = test;
    this.kind = kind;
    this.payload = payload;
  }
}
