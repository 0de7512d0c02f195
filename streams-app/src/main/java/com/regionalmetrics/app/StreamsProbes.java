package com.regionalmetrics.app;

import com.regionalmetrics.http.ApiServer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The Kubernetes probes from the Streams state, as the state listener and the restore listener see
 * it.
 *
 * <ul>
 *   <li><b>live</b> unless the job has failed for good: ERROR, PENDING_ERROR, or NOT_RUNNING /
 *       PENDING_SHUTDOWN that nobody asked for (a restart is the cure for those; nothing else is).
 *   <li><b>ready</b> (queryable): RUNNING, or REBALANCING once it has been RUNNING. A rebalance is
 *       group-wide: were REBALANCING unready, every pod would leave the Service at once, although
 *       each keeps answering from what it still has (stale standbys flagged X-Stale, 503 per key
 *       otherwise).
 *   <li><b>caught up</b> (for scripts that read right after start): RUNNING and no store of an
 *       active task restoring.
 * </ul>
 */
final class StreamsProbes implements ApiServer.Health {
  private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
  private volatile boolean wasRunning;
  private volatile boolean closing;
  private final Set<String> restoring = ConcurrentHashMap.newKeySet();

  /** To be called from the Streams state listener. */
  void stateChanged(KafkaStreams.State now) {
    if (now == KafkaStreams.State.RUNNING) {
      wasRunning = true;
    }
    state = now;
  }

  /** The app is closing the job: NOT_RUNNING from now on is expected, and not ready. */
  void closing() {
    closing = true;
  }

  @Override
  public String state() {
    return state.name();
  }

  @Override
  public boolean live() {
    return switch (state) {
      case ERROR, PENDING_ERROR -> false;
      case PENDING_SHUTDOWN, NOT_RUNNING -> closing;
      case CREATED, REBALANCING, RUNNING -> true;
    };
  }

  @Override
  public boolean ready() {
    KafkaStreams.State s = state;
    return !closing
        && (s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING && wasRunning);
  }

  @Override
  public boolean caughtUp() {
    return !closing && state == KafkaStreams.State.RUNNING && restoring.isEmpty();
  }

  @Override
  public int restoringStores() {
    return restoring.size();
  }

  /** Counts the active tasks' stores being restored (a global restore listener). */
  StateRestoreListener restoreListener() {
    return new StateRestoreListener() {
      @Override
      public void onRestoreStart(
          TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restoring.add(key(partition, store));
      }

      @Override
      public void onBatchRestored(
          TopicPartition partition, String store, long batchEndOffset, long numRestored) {}

      @Override
      public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(key(partition, store));
      }

      @Override
      public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(key(partition, store));
      }
    };
  }

  private static String key(TopicPartition partition, String store) {
    return store + "@" + partition;
  }
}
