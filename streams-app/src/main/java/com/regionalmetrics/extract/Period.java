package com.regionalmetrics.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A calendar period a value refers to: a year, a month or a day, written as ISO "2024", "2024-08"
 * or "2024-12-31". Civil time is China Standard Time.
 */
public final class Period implements Comparable<Period> {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Pattern ISO = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  private final String iso;
  private final LocalDate first;
  private final LocalDate last;

  private Period(String iso, LocalDate first, LocalDate last) {
    this.iso = iso;
    this.first = first;
    this.last = last;
  }

  public static Period year(int year) {
    return new Period(fourDigits(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** String.format("%04d", year) without the formatter. */
  private static String fourDigits(int year) {
    String d = Integer.toString(year);
    if (year < 0 || d.length() >= 4) {
      return year < 0 ? String.format("%04d", year) : d;
    }
    return "0000".substring(d.length()) + d;
  }

  public static Period month(int year, int month) {
    YearMonth ym = YearMonth.of(year, month);
    return new Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
  }

  public static Period day(LocalDate date) {
    return new Period(date.toString(), date, date);
  }

  /** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; throws IllegalArgumentException otherwise. */
  public static Period parse(String iso) {
    if (iso == null || !ISO.matcher(iso).matches()) {
      throw new IllegalArgumentException("not a period (YYYY, YYYY-MM or YYYY-MM-DD): " + iso);
    }
    try {
      return switch (iso.length()) {
        case 4 -> year(Integer.parseInt(iso));
        case 7 -> month(Integer.parseInt(iso.substring(0, 4)), Integer.parseInt(iso.substring(5)));
        default -> day(LocalDate.parse(iso));
      };
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a valid date: " + iso, e);
    }
  }

  public String iso() {
    return iso;
  }

  public LocalDate firstDay() {
    return first;
  }

  public LocalDate lastDay() {
    return last;
  }

  public int year() {
    return first.getYear();
  }

  /**
   * The last millisecond of the period, China Standard Time: the record timestamp of its values.
   */
  public Instant end() {
    return last.plusDays(1).atStartOfDay(ZONE).toInstant().minusMillis(1);
  }

  @Override
  public int compareTo(Period o) {
    int c = last.compareTo(o.last);
    return c != 0 ? c : first.compareTo(o.first);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Period p && p.iso.equals(iso);
  }

  @Override
  public int hashCode() {
    return Objects.hash(iso);
  }

  @Override
  public String toString() {
    return iso;
  }
}
