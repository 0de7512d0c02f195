package com.regionalmetrics.topology;

/** State store names, shared by the topology, the query layer and the tests. */
public final class StoreNames {
  /**
   * Key-value store: every article's claims about every series and period, keyed by {@link
   * ClaimKeys} (history, as-of and claims are range scans of one series).
   */
  public static final String INDICATOR_CLAIMS = "indicator-claims";

  /**
   * Key-value store: the resolved value of the newest period of every "region|indicator" (listing,
   * prefix scans).
   */
  public static final String INDICATOR_LATEST = "indicator-latest";

  /**
   * Key-value store: article id -> digest and the events last extracted from it (dedupe,
   * corrections, retractions).
   */
  public static final String ARTICLE_STATE = "article-state";

  /**
   * Key-value store: region name -> what this partition's {@link #INDICATOR_LATEST} holds about the
   * region (how many series, the newest observation), kept with each change of a latest value so
   * that listing regions reads a few thousand small values instead of every series.
   */
  public static final String REGION_SUMMARY = "region-summary";

  /** Every store; each has a changelog topic named after it. */
  public static final java.util.List<String> ALL =
      java.util.List.of(INDICATOR_CLAIMS, INDICATOR_LATEST, ARTICLE_STATE, REGION_SUMMARY);

  private StoreNames() {}
}
