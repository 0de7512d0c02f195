package com.regionalmetrics.query;

import com.regionalmetrics.extract.Gazetteer;
import com.regionalmetrics.extract.IndicatorCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Cross-sections ({@link CompareRequest}): names resolved, fanned out, merged and paged. */
final class CrossSections {
  /** How a measure id starts (air.pm25, x.普速铁路); anything else is a label. */
  private static final java.util.regex.Pattern MEASURE_ID =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_]*\\.");

  private final IndicatorQueries queries;
  private final UnaryOperator<String> regionNames;
  private final Function<String, Optional<String>> catalogIds;
  private final int partitions;

  CrossSections(
      IndicatorQueries queries,
      UnaryOperator<String> regionNames,
      Function<String, Optional<String>> catalogIds,
      int partitions) {
    this.queries = queries;
    this.regionNames = regionNames;
    this.catalogIds = catalogIds;
    this.partitions = partitions;
  }

  /**
   * A cross-section: one measure's value in every region (of the request's regions, level or
   * parent) as of a time, ordered by value, one page. The indicator may be a measure id or a label
   * the catalog knows; regions may be given by any name the gazetteer knows.
   */
  Answer<Listing<MetricEventView>> compare(CompareRequest request) {
    String asked = request.measure();
    String measure =
        catalogIds
            .apply(asked)
            .orElse(
                MEASURE_ID.matcher(asked).lookingAt() ? asked : IndicatorCatalog.derivedId(asked));
    List<String> names = null;
    if (request.regions() != null) {
      names = new ArrayList<>();
      for (String r : request.regions()) {
        String name = regionNames.apply(r.strip());
        if (Gazetteer.load().lookup(name).isEmpty()) {
          return Answer.notFound("unknown region: " + r);
        }
        names.add(name);
      }
    }
    String within = null;
    if (request.within() != null) {
      var parent = Gazetteer.load().lookup(regionNames.apply(request.within()));
      if (parent.isEmpty()) {
        return Answer.notFound("unknown region: " + request.within());
      }
      within = parent.get().code();
    }
    CompareRequest resolved = request.resolved(measure, names, within, partitions);
    return queries
        .fanOut((reader, parts, allowStale) -> reader.compare(parts, resolved, allowStale))
        .flatMap(
            listing -> {
              List<MetricEventView> rows = resolved.page(listing.items());
              int limit = resolved.limit();
              boolean more = limit > 0 && rows.size() > limit;
              List<MetricEventView> page = more ? rows.subList(0, limit) : rows;
              if (page.isEmpty() && resolved.after() == null && !listing.partial()) {
                return Answer.notFound(
                    "no region has a value of "
                        + resolved.measure()
                        + (resolved.asOf() == null
                            ? ""
                            : " as of " + Instant.ofEpochMilli(resolved.asOf())));
              }
              String next = more ? CompareRequest.cursorAfter(page.get(page.size() - 1)) : null;
              return Answer.found(
                  new Listing<>(
                      List.copyOf(page), listing.partial(), listing.missingPartitions(), next));
            });
  }
}
