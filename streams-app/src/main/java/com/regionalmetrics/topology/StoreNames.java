package com.regionalmetrics.topology;

/** State store names, shared by the topology, the query layer and the tests. */
public final class StoreNames {
  /** Versioned store: every value of every "region|indicator" by observation time (history, as-of). */
  public static final String INDICATOR_HISTORY = "indicator-history";
  /** Key-value store: the latest value of every "region|indicator" (listing, prefix scans). */
  public static final String INDICATOR_LATEST = "indicator-latest";
  /** Key-value store: article id -> digest of the content already extracted (dedupe re-ingests). */
  public static final String ARTICLE_DIGESTS = "article-digests";

  private StoreNames() {}
}
