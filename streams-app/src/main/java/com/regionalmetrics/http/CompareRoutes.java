package com.regionalmetrics.http;

import com.regionalmetrics.extract.Region;
import com.regionalmetrics.query.CompareRequest;
import com.regionalmetrics.query.IndicatorQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/compare/{indicator}}: one measure in every region as of a date, ordered by value,
 * paged with an opaque cursor, each row with its provenance (article, publication, evidence).
 */
final class CompareRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final IndicatorQueries queries;

  CompareRoutes(IndicatorQueries queries) {
    this.queries = queries;
  }

  void register(RoutesConfig routing) {
    routing.get("/api/compare/{indicator}", this::compare);
  }

  private void compare(Context ctx) {
    String indicator = ctx.pathParam("indicator").strip();
    if (indicator.isEmpty()) {
      throw new BadRequestException("indicator is empty");
    }
    Instant asOf = ApiServer.Routes.periodEnd(ctx, "asOf");
    int limit = ApiServer.Routes.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    boolean ascending = ascending(ctx.queryParam("order"));
    Region.Level level = level(ctx.queryParam("level"));
    List<String> regions = regions(ctx.queryParam("regions"));
    String within = blankToNull(ctx.queryParam("within"));
    CompareRequest request;
    try {
      request =
          CompareRequest.of(
              indicator,
              asOf == null ? null : asOf.toEpochMilli(),
              regions,
              level,
              within,
              ascending,
              ctx.queryParam("cursor"),
              limit);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    ApiServer.Routes.render(
        ctx,
        queries.withMaxLag(ApiServer.Routes.maxLag(ctx)).compare(request),
        listing -> {
          Map<String, Object> head = new LinkedHashMap<>();
          head.put(
              "indicator",
              listing.items().isEmpty() ? indicator : listing.items().get(0).indicator());
          head.put("asOf", asOf == null ? null : ctx.queryParam("asOf").strip());
          head.put("order", ascending ? "asc" : "desc");
          Map<String, Object> body = ApiServer.Routes.listingBody("items", listing, head);
          body.put("nextCursor", listing.nextCursor());
          return body;
        },
        (c, listing) -> {
          if (listing.nextCursor() != null) {
            c.header("X-Next-Cursor", listing.nextCursor());
          }
          CsvExport.write(c, listing.items(), CsvExport.VALUE_COLUMNS, "compare.csv");
        });
  }

  private static boolean ascending(String order) {
    if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("desc")) {
      return false;
    }
    if (order.strip().equalsIgnoreCase("asc")) {
      return true;
    }
    throw new BadRequestException("order must be asc or desc, got: " + order);
  }

  private static Region.Level level(String level) {
    if (level == null || level.isBlank()) {
      return null;
    }
    return switch (level.strip().toLowerCase(Locale.ROOT)) {
      case "province" -> Region.Level.PROVINCE;
      case "prefecture" -> Region.Level.PREFECTURE;
      case "county" -> Region.Level.COUNTY;
      case "zone" -> Region.Level.ZONE;
      default ->
          throw new BadRequestException(
              "level must be province, prefecture, county or zone, got: " + level);
    };
  }

  /** A comma list (ASCII, full-width or 、); null when absent. */
  private static List<String> regions(String regions) {
    if (regions == null || regions.isBlank()) {
      return null;
    }
    List<String> names =
        Arrays.stream(regions.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (names.isEmpty()) {
      throw new BadRequestException("regions must be a comma list of region names");
    }
    if (names.size() > MAX_LIMIT) {
      throw new BadRequestException("regions lists at most " + MAX_LIMIT + " names");
    }
    return names;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
