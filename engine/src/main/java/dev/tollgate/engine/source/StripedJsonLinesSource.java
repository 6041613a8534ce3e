package dev.tollgate.engine.source;

import java.util.Collection;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A JSON-lines file read by as many parallel readers as the source has subtasks, each taking every
 * n-th line (a stripe), so that decoding and what runs chained to it are spread over the cores
 * while every stripe keeps the file's order and event-time span, like the partitions of a topic.
 *
 * <p>Results do not depend on the parallelism: each record carries the latest {@code ts} written on
 * any earlier line of the file ({@link RawRecord#eventTimeBefore}), so lateness is judged against
 * the file's order, not the stripe's, and each reader ends by declaring the file's latest {@code
 * ts} reached. Records are numbered by their line in the whole file.
 */
public final class StripedJsonLinesSource
    implements Source<RawRecord, FileStripe, Collection<FileStripe>>, ResultTypeQueryable<RawRecord> {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String displayName;

  /**
   * @param file the file, as Flink's file systems name it ({@code Path.fromLocalFile(...)})
   * @param displayName how rejected records name the file
   */
  public StripedJsonLinesSource(org.apache.flink.core.fs.Path file, String displayName) {
    this.file = file.toString();
    this.displayName = displayName;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<RawRecord, FileStripe> createReader(SourceReaderContext context) {
    return new FileStripeReader(context);
  }

  @Override
  public SplitEnumerator<FileStripe, Collection<FileStripe>> createEnumerator(
      SplitEnumeratorContext<FileStripe> context) {
    return new FileStripeEnumerator(context, FileStripe.of(file, displayName, context.currentParallelism()));
  }

  @Override
  public SplitEnumerator<FileStripe, Collection<FileStripe>> restoreEnumerator(
      SplitEnumeratorContext<FileStripe> context, Collection<FileStripe> unassigned) {
    return new FileStripeEnumerator(context, unassigned);
  }

  @Override
  public SimpleVersionedSerializer<FileStripe> getSplitSerializer() {
    return new FileStripeSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<FileStripe>> getEnumeratorCheckpointSerializer() {
    return FileStripeSerializer.LIST;
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return RawRecordTypeInfo.INSTANCE;
  }
}
