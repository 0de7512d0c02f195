package com.regionalmetrics.topology;

import com.regionalmetrics.extract.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses a publication date as users give it: 2025-02-26, 2025-02-26T10:00:00+08:00 or an instant. */
public final class PublishedDates {
  private PublishedDates() {}

  /** Null or blank gives null; anything unreadable throws IllegalArgumentException. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(Period.ZONE).toInstant();
      }
      if (s.endsWith("Z")) {
        return Instant.parse(s);
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("published must be YYYY-MM-DD or an ISO-8601 date-time, got: " + s);
    }
  }
}
