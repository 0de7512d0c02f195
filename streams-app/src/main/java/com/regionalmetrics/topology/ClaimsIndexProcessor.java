package com.regionalmetrics.topology;

import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.PeriodClaims;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * metric-events -> indicator-claims (every article's claim per series and period) and
 * indicator-latest (the resolved value of each series' newest dated period), with indicator-changes
 * carrying each change of a latest value (a tombstone when a retraction leaves a series empty). A
 * claim about an older period lands in the history without touching "latest"; a retraction removes
 * its claim and the answer falls back to what the other claims say. Both stores are plain key-value
 * stores restored from their changelogs, so what a restart shows never depends on how the previous
 * run ended. Each change of a latest value also updates its region's totals in region-summary
 * ({@link RegionSummaries}), which listing regions reads instead of every series.
 */
final class ClaimsIndexProcessor implements Processor<String, MetricEvent, String, MetricEvent> {
  static final String CHANGES_SINK = "indicator-changes-sink";
  private static final Logger LOG = LoggerFactory.getLogger(ClaimsIndexProcessor.class);

  private ProcessorContext<String, MetricEvent> context;
  private KeyValueStore<String, PeriodClaims> claims;
  private KeyValueStore<String, MetricEvent> latest;
  private RegionSummaries summaries;
  private boolean summariesChecked;
  private long legacySkipped;

  @Override
  public void init(ProcessorContext<String, MetricEvent> context) {
    this.context = context;
    this.claims = context.getStateStore(StoreNames.INDICATOR_CLAIMS);
    this.latest = context.getStateStore(StoreNames.INDICATOR_LATEST);
    this.summaries =
        new RegionSummaries(context.getStateStore(StoreNames.REGION_SUMMARY), this.latest);
    this.summariesChecked = false;
  }

  @Override
  public void process(Record<String, MetricEvent> record) {
    String series = record.key();
    MetricEvent event = record.value();
    if (series == null || event == null) {
      return; // metric-events is written by us only; nothing to index
    }
    if (!summariesChecked) {
      // here rather than in init(): writes to a logged store need a record's context
      summaries.rebuildIfMissing();
      summariesChecked = true;
    }
    if (event.getBaseIndicator() == null) {
      // written before series identity (its key may merge several measures): a re-index
      // (docs/indicators.md) extracts the article again under the current model
      if (legacySkipped++ == 0) {
        LOG.info(
            "Task {}: skipping metric events written before measure ids (no baseIndicator), first at key {}",
            context.taskId(),
            series);
      }
      return;
    }
    boolean dated = event.getPeriod() != null;
    String key =
        dated
            ? ClaimKeys.dated(series, event.getObservedAt().toEpochMilli(), event.getPeriod())
            : ClaimKeys.undated(series);
    List<MetricEvent> period = updateClaims(key, event);
    if (period == null) {
      return; // a replayed claim or a retraction of nothing
    }
    if (dated) {
      refreshLatest(series, record, period);
    }
  }

  /**
   * Adds (or replaces) the claim with the event's id, or removes it for a retraction. Returns the
   * period's claims as stored now, newest first (empty when none are left), or null when nothing
   * changed.
   */
  private List<MetricEvent> updateClaims(String key, MetricEvent event) {
    PeriodClaims stored = claims.get(key);
    List<MetricEvent> list =
        stored == null ? new ArrayList<>() : new ArrayList<>(stored.getClaims());
    MetricEvent existing =
        list.stream()
            .filter(c -> c.getEventId().equals(event.getEventId()))
            .findFirst()
            .orElse(null);
    if (event.getRetracted() ? existing == null : event.equals(existing)) {
      return null;
    }
    list.remove(existing);
    if (!event.getRetracted()) {
      list.add(event);
    }
    if (list.isEmpty()) {
      claims.delete(key);
    } else {
      list.sort(ClaimResolution.NEWEST_FIRST);
      claims.put(key, new PeriodClaims(list));
    }
    return list;
  }

  /**
   * Re-resolves "latest" when the changed period is at or after it. {@code period} is the changed
   * period's claims as stored now.
   */
  private void refreshLatest(
      String series, Record<String, MetricEvent> record, List<MetricEvent> period) {
    MetricEvent current = latest.get(series);
    MetricEvent changed = record.value();
    long touched = changed.getObservedAt().toEpochMilli();
    if (current != null && touched < current.getObservedAt().toEpochMilli()) {
      return; // an older period: history only
    }
    // latest is always the newest period that has claims: when the changed period still has claims
    // and sorts at or after it, it is the newest, and its claims are in hand (no read-back scan)
    MetricEvent resolved =
        !period.isEmpty() && (current == null || !sortsBefore(changed, current))
            ? ClaimResolution.of(period).value()
            : newestResolved(series);
    if (resolved == null) {
      if (current != null) {
        latest.delete(series);
        summaries.latestChanged(series, current, null);
        context.forward(record.withValue(null), CHANGES_SINK);
      }
      return;
    }
    if (resolved.equals(current)) {
      return; // a corrected article restating a claim (same id, new publishedAt) is not this
    }
    latest.put(series, resolved);
    summaries.latestChanged(series, current, resolved);
    if (current == null
        || !ClaimResolution.sameClaim(current, resolved)
        || !current.getObservedAt().equals(resolved.getObservedAt())) {
      context.forward(
          record.withValue(resolved).withTimestamp(resolved.getObservedAt().toEpochMilli()),
          CHANGES_SINK);
    }
  }

  /** Whether a's period sorts before b's in the claims store (observedAt, then period). */
  private static boolean sortsBefore(MetricEvent a, MetricEvent b) {
    int byTime = a.getObservedAt().compareTo(b.getObservedAt());
    // periods are ASCII (2024, 2024-08, 2024-12-31): String order is the store's byte order
    return byTime != 0 ? byTime < 0 : a.getPeriod().compareTo(b.getPeriod()) < 0;
  }

  /** The resolved value of the series' newest dated period, or null when it has none left. */
  private MetricEvent newestResolved(String series) {
    try (KeyValueIterator<String, PeriodClaims> it =
        claims.reverseRange(ClaimKeys.from(series, 0), ClaimKeys.upTo(series, Long.MAX_VALUE))) {
      while (it.hasNext()) {
        var kv = it.next();
        if (!kv.value.getClaims().isEmpty()) {
          return ClaimResolution.of(kv.value.getClaims()).value();
        }
      }
    }
    return null;
  }
}
