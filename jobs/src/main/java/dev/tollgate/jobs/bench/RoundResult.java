package dev.tollgate.jobs.bench;

/**
 * One measured (or warm-up) run of a case.
 *
 * @param lines input lines read
 * @param events events admitted by the pipeline (decoded, on time); -1 where the case has no
 *     admission operator (the hand-written job)
 * @param rejected records rejected (malformed or late)
 * @param outputs alerts, aggregate records or pattern matches produced
 * @param elapsedNanos from the first line read to the last output finished
 * @param cpuNanos CPU time of the whole process over that span
 * @param heapLiveBytes largest heap occupancy after a garbage collection during the run
 * @param heapSampledBytes largest heap occupancy sampled during the run, garbage included
 * @param stateBytes largest RocksDB state (SST files and memtables) during the run; 0 on heap
 */
record RoundResult(long lines, long events, long rejected, long outputs, long elapsedNanos, long cpuNanos, long heapLiveBytes,
    long heapSampledBytes, long stateBytes) {

  double eventsPerSecond() {
    return lines * 1e9 / elapsedNanos;
  }

  /** Events per second of CPU time used by the process (all cores together). */
  double eventsPerCpuSecond() {
    return lines * 1e9 / cpuNanos;
  }
}
