package com.regionalmetrics.query;

/**
 * {@code /api/regions}: every instance's region-summary stores (a few thousand small values), not
 * the series themselves; partial totals merged across partitions and paged ({@link RegionPages}).
 */
final class RegionListing {
  private final IndicatorQueries queries;

  RegionListing(IndicatorQueries queries) {
    this.queries = queries;
  }

  /**
   * Regions after the cursor (null: from the first), at most limit (0: all).
   *
   * @throws IllegalArgumentException for a cursor this listing did not return
   */
  Answer<Listing<RegionSummary>> regions(String cursor, int limit) {
    String after = cursor == null || cursor.isBlank() ? null : RegionPages.decode(cursor);
    int perPartition = limit <= 0 ? 0 : limit + 1;
    return queries
        .gather(
            (reader, parts, allowStale) -> reader.regions(parts, after, perPartition, allowStale),
            RegionScan.PartialSummary::partition)
        .map(
            gathered -> {
              RegionPages.Page page = RegionPages.page(gathered.rows(), limit);
              return new Listing<>(
                  page.regions(),
                  !gathered.missing().isEmpty(),
                  gathered.missing(),
                  page.nextCursor());
            });
  }
}
