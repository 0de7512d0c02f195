package com.regionalmetrics.query;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The region listing from partial summaries: each partition's totals of a region added up (series
 * counted, the newest value kept), in region order, one page after a cursor. The cursor is the last
 * region of the previous page, tagged so that no other listing's cursor passes for one.
 *
 * <p>Each partition returns its first limit + 1 regions after the cursor, which is enough: a region
 * among the first limit + 1 of the merged listing is among the first limit + 1 of every partition
 * that has it, so its totals are complete.
 */
final class RegionPages {
  private static final String TAG = "r1\u001f";

  private RegionPages() {}

  /** One page of the merged listing (limit 0: all) and the cursor after it (null: the last). */
  record Page(List<RegionSummary> regions, String nextCursor) {}

  static Page page(Collection<RegionScan.PartialSummary> partials, int limit) {
    Map<String, RegionSummary> merged = new TreeMap<>(KeyOrder.CODE_POINTS);
    for (RegionScan.PartialSummary p : partials) {
      RegionSummary one =
          new RegionSummary(p.region(), p.regionCode(), p.series(), p.latestObservedAt());
      merged.merge(p.region(), one, RegionPages::merge);
    }
    List<RegionSummary> all = new ArrayList<>(merged.values());
    if (limit <= 0 || all.size() <= limit) {
      return new Page(all, null);
    }
    List<RegionSummary> page = List.copyOf(all.subList(0, limit));
    return new Page(page, encode(page.get(limit - 1).region()));
  }

  /** Two partitions' totals of one region. */
  static RegionSummary merge(RegionSummary a, RegionSummary b) {
    boolean aNewer =
        b.latestObservedAt() == null
            || (a.latestObservedAt() != null
                && !Instant.parse(a.latestObservedAt())
                    .isBefore(Instant.parse(b.latestObservedAt())));
    RegionSummary newest = aNewer ? a : b;
    return new RegionSummary(
        a.region(),
        newest.regionCode() != null ? newest.regionCode() : (aNewer ? b : a).regionCode(),
        a.indicators() + b.indicators(),
        newest.latestObservedAt());
  }

  static String encode(String region) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TAG + region).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The region a cursor stands for; IllegalArgumentException for anything this listing did not
   * return (not base64url, not UTF-8, not tagged as a region cursor, or not in canonical form).
   */
  static String decode(String cursor) {
    String c = cursor.strip();
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(c)))
              .toString();
      if (!text.startsWith(TAG)
          || text.length() == TAG.length()
          || !encode(text.substring(TAG.length())).equals(c)) {
        throw new IllegalArgumentException("not a region cursor");
      }
      return text.substring(TAG.length());
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw new IllegalArgumentException(
          "cursor is not one this API returned: pass nextCursor unchanged");
    }
  }
}
