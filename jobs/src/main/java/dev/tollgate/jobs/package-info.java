/**
 * The Flink jobs' entry points — {@link dev.tollgate.jobs.RiskJob} (the job jar's main class),
 * {@link dev.tollgate.jobs.DemandAggregationJob} and {@link dev.tollgate.jobs.ShipmentTrackingJob}
 * — and the {@code tollgate} command line. The three jobs are one runtime ({@code
 * dev.tollgate.jobs.runtime}) with different defaults; each takes {@code [--config FILE.yaml]
 * [--set key=value]... [--help]} (see {@code docs/operations.md}).
 */
package dev.tollgate.jobs;
