package com.regionalmetrics.topology;

import java.util.List;

/** Topic names, shared by the topology, the app that creates them and the tests. */
public final class Topics {
  /** UTF-8 article text; metadata in headers (id, published, source, url, title, region). */
  public static final String ARTICLES_TEXT = "articles-text";

  /** Avro Article, key = article id. */
  public static final String ARTICLES = "articles";

  /** Avro MetricEvent, key = "region|indicator", timestamp = end of the observation period. */
  public static final String METRIC_EVENTS = "metric-events";

  /** Changelog of latest values (only updates at or after the latest period). */
  public static final String INDICATOR_CHANGES = "indicator-changes";

  /** Input that could not be read or parsed: original bytes, reason in headers. */
  public static final String ARTICLES_DLQ = "articles-dlq";

  public static final List<String> ALL =
      List.of(ARTICLES_TEXT, ARTICLES, METRIC_EVENTS, INDICATOR_CHANGES, ARTICLES_DLQ);

  private Topics() {}
}
