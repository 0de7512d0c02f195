package com.regionalmetrics.query;

import java.util.Locale;

/**
 * A listing over the latest store: keys under a prefix (a region's "name|"), after a cursor key,
 * matching a free-text query and a category, at most limit per partition (0: no limit). With asOf
 * (epoch millis, with a prefix only), each series' value as of then instead, read from the claims
 * store.
 */
public record ScanRequest(
    String prefix, String after, String q, String category, int limit, Long asOf) {

  public ScanRequest(String prefix, String after, String q, String category, int limit) {
    this(prefix, after, q, category, limit, null);
  }

  public static ScanRequest all() {
    return new ScanRequest(null, null, null, null, 0);
  }

  public static ScanRequest region(String name) {
    return new ScanRequest(name + "|", null, null, null, 0);
  }

  public static ScanRequest region(String name, java.time.Instant asOf) {
    return new ScanRequest(
        name + "|", null, null, null, 0, asOf == null ? null : asOf.toEpochMilli());
  }

  boolean matches(MetricEventView e) {
    if (q != null && !q.isBlank()) {
      String needle = q.toLowerCase(Locale.ROOT);
      if (!(e.region().toLowerCase(Locale.ROOT).contains(needle)
          || e.indicator().toLowerCase(Locale.ROOT).contains(needle)
          || e.indicatorLabel().toLowerCase(Locale.ROOT).contains(needle))) {
        return false;
      }
    }
    return category == null
        || category.isBlank()
        || IndicatorCategories.of(e.indicator()).equals(category);
  }
}
