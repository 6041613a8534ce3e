package dev.tollgate.engine.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Hands stripe {@code i} to subtask {@code i mod parallelism}, all of a subtask's stripes at once
 * and followed by "no more": a stripe must not go to whichever reader asks first, since a reader
 * that finished its own stripe and took another would go back in event time.
 */
final class FileStripeEnumerator implements SplitEnumerator<FileStripe, Collection<FileStripe>> {
  private final SplitEnumeratorContext<FileStripe> context;
  private final List<FileStripe> unassigned;

  FileStripeEnumerator(SplitEnumeratorContext<FileStripe> context, Collection<FileStripe> unassigned) {
    this.context = context;
    this.unassigned = new ArrayList<>(unassigned);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtask, String requesterHostname) {
    List<FileStripe> stripes = new ArrayList<>();
    for (Iterator<FileStripe> it = unassigned.iterator(); it.hasNext(); ) {
      FileStripe stripe = it.next();
      if (stripe.stripe() % context.currentParallelism() == subtask) {
        stripes.add(stripe);
        it.remove();
      }
    }
    if (!stripes.isEmpty()) {
      context.assignSplits(new SplitsAssignment<>(Map.of(subtask, stripes)));
    }
    context.signalNoMoreSplits(subtask);
  }

  @Override
  public void addSplitsBack(List<FileStripe> stripes, int subtask) {
    unassigned.addAll(stripes);
  }

  @Override
  public void addReader(int subtask) {}

  @Override
  public Collection<FileStripe> snapshotState(long checkpointId) {
    return List.copyOf(unassigned);
  }

  @Override
  public void close() {}
}
