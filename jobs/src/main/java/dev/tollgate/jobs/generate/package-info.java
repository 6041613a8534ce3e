/**
 * Synthetic cross-border commerce traffic: realistic background activity of bank customers, card holders,
 * marketplace buyers and sellers, customs brokers and carriers, with labelled instances of the risk
 * typologies the shipped rules look for.
 *
 * <p>{@link dev.tollgate.jobs.generate.TrafficGenerator} is the entry point. Internally the generator is a
 * discrete-event simulation: each domain schedules its activities on one agenda ordered by event time, so
 * events come out in time order while only in-flight sequences (a parcel's next scan, an order's next
 * status) are held in memory.
 */
package dev.tollgate.jobs.generate;
