package com.regionalmetrics.topology;

import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.RegionTotals;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps region-summary in step with indicator-latest, in the same task and so in the same
 * transaction: per region, how many series have a latest value in this partition and the newest of
 * those values (observation time, then the smaller period on a tie). The totals are a function of
 * the latest store's content alone: a change adds or removes a series only when a latest value
 * appears or disappears, so a replayed record (which changes nothing in the latest store) changes
 * nothing here either; and when the value that held the newest observation goes away or moves back
 * in time, the region's totals are recomputed from its keys in the latest store (one prefix scan of
 * one region, rare: only a retraction or correction of a region's newest value does it).
 */
final class RegionSummaries {
  private final KeyValueStore<String, RegionTotals> summary;
  private final KeyValueStore<String, MetricEvent> latest;

  RegionSummaries(
      KeyValueStore<String, RegionTotals> summary, KeyValueStore<String, MetricEvent> latest) {
    this.summary = summary;
    this.latest = latest;
  }

  /** The region of a series key "region|measure". */
  static String regionOf(String series) {
    int bar = series.indexOf('|');
    return bar < 0 ? series : series.substring(0, bar);
  }

  /**
   * A series' latest value went from before to after (null: none), the latest store already holding
   * after.
   */
  void latestChanged(String series, MetricEvent before, MetricEvent after) {
    if (before == null && after == null) {
      return;
    }
    String region = regionOf(series);
    RegionTotals current = summary.get(region);
    RegionTotals next;
    if (current == null) {
      // the region's first series here; or totals missing for a region the latest store has
      // (only an inconsistency would do that): then count from the store
      next = before == null ? totalsOf(after, 1) : recompute(region);
    } else {
      int count = current.getSeries() + (after == null ? 0 : 1) - (before == null ? 0 : 1);
      if (before != null && !isNewer(current, before)) {
        // the value that was (or tied with) the newest left or changed: count again
        next = recompute(region);
      } else if (after != null && !isNewer(current, after)) {
        next = totalsOf(after, count);
      } else {
        next = withCount(current, count);
      }
    }
    if (next == null || next.getSeries() <= 0) {
      if (current != null) {
        summary.delete(region);
      }
    } else if (!next.equals(current)) {
      summary.put(region, next);
    }
  }

  /**
   * Builds every region's totals from the latest store when this partition has none although it has
   * latest values: the summary store is newer than the data (an upgrade), so its changelog cannot
   * restore what came before it.
   */
  void rebuildIfMissing() {
    try (KeyValueIterator<String, RegionTotals> it = summary.all()) {
      if (it.hasNext()) {
        return;
      }
    }
    Map<String, RegionTotals> totals = new HashMap<>();
    try (KeyValueIterator<String, MetricEvent> it = latest.all()) {
      while (it.hasNext()) {
        var kv = it.next();
        totals.merge(regionOf(kv.key), totalsOf(kv.value, 1), RegionSummaries::merge);
      }
    }
    totals.forEach(summary::put);
  }

  /** The totals of a region counted from its keys in the latest store; null when it has none. */
  private RegionTotals recompute(String region) {
    RegionTotals totals = null;
    // '}' follows '|': [region|, region}] holds exactly the region's keys
    try (KeyValueIterator<String, MetricEvent> it = latest.range(region + "|", region + "}")) {
      while (it.hasNext()) {
        RegionTotals one = totalsOf(it.next().value, 1);
        totals = totals == null ? one : merge(totals, one);
      }
    }
    return totals;
  }

  /** Two partial totals of one region together: counts add up, the newer value stays. */
  static RegionTotals merge(RegionTotals a, RegionTotals b) {
    RegionTotals newest = isNewer(a, b) ? a : b;
    return RegionTotals.newBuilder(newest).setSeries(a.getSeries() + b.getSeries()).build();
  }

  private static RegionTotals totalsOf(MetricEvent e, int count) {
    return new RegionTotals(e.getRegionCode(), count, e.getObservedAt(), e.getPeriod());
  }

  private static RegionTotals withCount(RegionTotals t, int count) {
    return RegionTotals.newBuilder(t).setSeries(count).build();
  }

  /** True when t's newest value strictly wins over e's, in the summary's order. */
  private static boolean isNewer(RegionTotals t, MetricEvent e) {
    return isNewer(t, totalsOf(e, 1));
  }

  /**
   * True when a's newest value strictly wins over b's: a later observation, or on the same one the
   * smaller period (so that the order, and with it the totals, never depend on arrival).
   */
  private static boolean isNewer(RegionTotals a, RegionTotals b) {
    int byTime = a.getLatestObservedAt().compareTo(b.getLatestObservedAt());
    if (byTime != 0) {
      return byTime > 0;
    }
    String pa = Objects.requireNonNullElse(a.getLatestPeriod(), "");
    String pb = Objects.requireNonNullElse(b.getLatestPeriod(), "");
    return pa.compareTo(pb) < 0;
  }
}
