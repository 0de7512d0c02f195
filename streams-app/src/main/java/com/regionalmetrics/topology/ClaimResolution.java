package com.regionalmetrics.topology;

import com.regionalmetrics.avro.MetricEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What several articles' claims about one series and period resolve to. The value is the most
 * recently published claim's (ties: article id, then event id), so the answer depends on the set of
 * claims, never on the order they arrived in. Claims stating the same value are one point with
 * several sources; its provenance is the earliest published of them (a later syndicated copy does
 * not move it).
 *
 * @param value the claim whose provenance the point shows (earliest published agreeing claim)
 * @param sources every claim agreeing with the resolved value, earliest published first
 * @param differing claims of other values, most recently published first
 */
public record ClaimResolution(
    MetricEvent value, List<MetricEvent> sources, List<MetricEvent> differing) {

  /**
   * Most recently published first; the order is total, so the winner is the same on every replay.
   */
  static final Comparator<MetricEvent> NEWEST_FIRST =
      Comparator.comparing(
              (MetricEvent e) -> e.getPublishedAt() == null ? Instant.EPOCH : e.getPublishedAt())
          .thenComparing(MetricEvent::getArticleId)
          .thenComparing(MetricEvent::getEventId)
          .reversed();

  /** Resolves a non-empty list of claims. */
  public static ClaimResolution of(List<MetricEvent> claims) {
    List<MetricEvent> ordered = new ArrayList<>(claims);
    ordered.sort(NEWEST_FIRST);
    MetricEvent winner = ordered.get(0);
    List<MetricEvent> agreeing = new ArrayList<>();
    List<MetricEvent> differing = new ArrayList<>();
    for (MetricEvent c : ordered) {
      (sameClaim(winner, c) ? agreeing : differing).add(c);
    }
    agreeing.sort(NEWEST_FIRST.reversed());
    return new ClaimResolution(agreeing.get(0), List.copyOf(agreeing), List.copyOf(differing));
  }

  /** The same statement: value, unit, bound and kind of change (wording and article may differ). */
  public static boolean sameClaim(MetricEvent a, MetricEvent b) {
    return Double.compare(a.getValue(), b.getValue()) == 0
        && Objects.equals(a.getUnit(), b.getUnit())
        && a.getQualifier() == b.getQualifier()
        && Objects.equals(a.getChange(), b.getChange());
  }
}
