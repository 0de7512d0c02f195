package com.regionalmetrics.query;

import com.regionalmetrics.extract.Gazetteer;
import com.regionalmetrics.extract.Region;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A cross-section: one measure's value in every region (or the given ones, or those of a level
 * within a region) as of a time (latest when null), ordered by value, a page of at most limit after
 * a position.
 *
 * <p>The stores are keyed region first ({@code region|measure}), so there is no range holding one
 * measure of all regions. Instead of scanning every series, each instance probes the keys {@code
 * name|measure} of the candidate regions (the gazetteer's, at most a few thousand) that fall in its
 * partitions: a point lookup in the latest store (absent keys end there, on RocksDB's bloom
 * filter), then, for keys present, one reverse seek in the claims store to the newest period at or
 * before asOf.
 *
 * @param measure the measure id (docs/indicators.md)
 * @param asOf epoch millis, or null for the latest value
 * @param regions canonical region names, or null for every region the gazetteer knows
 * @param level only regions of this level, or null
 * @param within only regions inside the region of this code, or null
 * @param ascending smallest value first (else largest first); ties by region name
 * @param after the position (value and region) a page starts after, or null
 * @param partitions partition count of the stores (to tell which keys an instance holds)
 */
public record CompareRequest(
    String measure,
    Long asOf,
    List<String> regions,
    Region.Level level,
    String within,
    boolean ascending,
    Position after,
    int limit,
    int partitions) {

  /** Where a page ends: the last row's value and region. */
  public record Position(double value, String region) {}

  /** A new request as the HTTP API takes it; names are canonicalised by IndicatorQueries. */
  public static CompareRequest of(
      String measure,
      Long asOf,
      List<String> regions,
      Region.Level level,
      String within,
      boolean ascending,
      String cursor,
      int limit) {
    return new CompareRequest(
        measure,
        asOf,
        regions,
        level,
        within,
        ascending,
        cursor == null || cursor.isBlank() ? null : decodeCursor(cursor),
        limit,
        0);
  }

  CompareRequest resolved(String canonicalMeasure, List<String> names, String withinCode, int n) {
    return new CompareRequest(
        canonicalMeasure, asOf, names, level, withinCode, ascending, after, limit, n);
  }

  /** The regions whose key is probed: the given ones, or the gazetteer's, by level and within. */
  List<String> candidates() {
    Gazetteer g = Gazetteer.load();
    Region ancestor = within == null ? null : g.lookup(within).orElse(null);
    Set<String> names = new LinkedHashSet<>();
    if (regions != null) {
      for (String name : regions) {
        Region r = g.lookup(name).orElse(null);
        if (r == null ? level == null && ancestor == null : fits(g, r, ancestor)) {
          names.add(name);
        }
      }
    } else {
      for (Region r : g.regions()) {
        if (fits(g, r, ancestor)) {
          names.add(r.name());
        }
      }
    }
    return new ArrayList<>(names);
  }

  private boolean fits(Gazetteer g, Region r, Region ancestor) {
    return (level == null || r.level() == level)
        && (ancestor == null || (!r.equals(ancestor) && g.within(r, ancestor)));
  }

  /** The order of the answer: by value, then region name. */
  Comparator<MetricEventView> order() {
    Comparator<MetricEventView> byValue = Comparator.comparingDouble(MetricEventView::value);
    return (ascending ? byValue : byValue.reversed())
        .thenComparing(MetricEventView::region, KeyOrder.CODE_POINTS);
  }

  /** True for a row after the cursor position (every row when there is none). */
  boolean isAfterCursor(MetricEventView row) {
    if (after == null) {
      return true;
    }
    int byValue = Double.compare(row.value(), after.value());
    if (byValue != 0) {
      return ascending ? byValue > 0 : byValue < 0;
    }
    return KeyOrder.CODE_POINTS.compare(row.region(), after.region()) > 0;
  }

  /** The rows of one instance for a page: after the cursor, in order, at most limit + 1. */
  List<MetricEventView> page(List<MetricEventView> rows) {
    return rows.stream()
        .filter(this::isAfterCursor)
        .sorted(order())
        .limit(limit <= 0 ? Long.MAX_VALUE : limit + 1L)
        .toList();
  }

  // --- the cursor: "c1", value, region, joined by U+001F, base64url ---

  private static final String CURSOR_TAG = "c1";
  private static final char SEP = '\u001f';

  public static String cursorAfter(MetricEventView row) {
    return encodeCursor(new Position(row.value(), row.region()));
  }

  static String encodeCursor(Position p) {
    String raw = CURSOR_TAG + SEP + Double.toString(p.value()) + SEP + p.region();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** IllegalArgumentException for anything that is not a compare cursor this API returned. */
  static Position decodeCursor(String cursor) {
    try {
      String raw =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.strip())))
              .toString();
      String[] parts = raw.split(String.valueOf(SEP), -1);
      if (parts.length != 3 || !parts[0].equals(CURSOR_TAG) || parts[2].isEmpty()) {
        throw new IllegalArgumentException("not a compare cursor");
      }
      return new Position(Double.parseDouble(parts[1]), parts[2]);
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw new IllegalArgumentException(
          "cursor is not one this API returned: pass nextCursor unchanged");
    }
  }

  // --- the wire form between instances (query parameters of /internal/v1/compare) ---

  String toQuery(UnaryOperator<String> enc) {
    StringBuilder q =
        new StringBuilder("measure=")
            .append(enc.apply(measure))
            .append("&order=")
            .append(ascending ? "asc" : "desc")
            .append("&limit=")
            .append(limit)
            .append("&n=")
            .append(partitions);
    if (asOf != null) {
      q.append("&asOf=").append(asOf);
    }
    if (regions != null) {
      q.append("&regions=").append(enc.apply(String.join(",", regions)));
    }
    if (level != null) {
      q.append("&level=").append(level.name());
    }
    if (within != null) {
      q.append("&within=").append(enc.apply(within));
    }
    if (after != null) {
      q.append("&after=").append(encodeCursor(after));
    }
    return q.toString();
  }

  /** Reads the wire form; IllegalArgumentException (or NumberFormatException) when malformed. */
  public static CompareRequest fromQuery(UnaryOperator<String> param) {
    String measure = param.apply("measure");
    if (measure == null || measure.isEmpty()) {
      throw new IllegalArgumentException("measure is required");
    }
    String asOf = param.apply("asOf");
    String regions = param.apply("regions");
    String level = param.apply("level");
    String after = param.apply("after");
    String limit = param.apply("limit");
    String n = param.apply("n");
    return new CompareRequest(
        measure,
        asOf == null ? null : Long.valueOf(asOf),
        regions == null ? null : List.of(regions.split(",")),
        level == null ? null : Region.Level.valueOf(level.toUpperCase(Locale.ROOT)),
        param.apply("within"),
        "asc".equals(param.apply("order")),
        after == null ? null : decodeCursor(after),
        limit == null ? 0 : Integer.parseInt(limit),
        n == null ? 0 : Integer.parseInt(n));
  }
}
