package com.regionalmetrics.article;

import com.regionalmetrics.extract.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses a publication date as users give it: 2025-02-26, 2025-02-26T10:00:00+08:00, an instant, or
 * only a year or month (2025, 2025-03) when that is all the source says.
 */
public final class PublishedDates {
  private PublishedDates() {}

  /** Publication dates after now by more than this are misparses or typos (year 2200). */
  static final java.time.Duration FUTURE_SLACK = java.time.Duration.ofDays(1);

  /**
   * Null or blank gives null; anything unreadable, or a date no article can have been published on
   * (before 1970, or later than tomorrow), throws IllegalArgumentException.
   */
  public static Instant parse(String text) {
    Instant published = parseSyntax(text);
    if (published != null && !isPlausible(published, Instant.now())) {
      throw new IllegalArgumentException(
          "published must lie between 1970 and today, got: " + text.strip());
    }
    return published;
  }

  /**
   * Whether an article can have been published at this instant: not before 1970 (no record
   * timestamp can be) and not later than tomorrow. Periods are read relative to the publication
   * date, so a year-2200 publication date would put year-2200 values into the stores.
   */
  public static boolean isPlausible(Instant published, Instant now) {
    return !published.isBefore(Instant.EPOCH) && !published.isAfter(now.plus(FUTURE_SLACK));
  }

  private static Instant parseSyntax(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    try {
      if (s.matches("\\d{4}(-\\d{2})?")) {
        // known to the year or month only: its last instant (so nothing the article dates within
        // it counts as after publication), but never later than now
        Instant end = Period.parse(s).end();
        Instant now = Instant.now();
        return end.isAfter(now) ? now : end;
      }
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(Period.ZONE).toInstant();
      }
      if (s.endsWith("Z")) {
        return Instant.parse(s);
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "published must be YYYY-MM-DD (or YYYY-MM, YYYY) or an ISO-8601 date-time, got: " + s);
    }
  }
}
