package com.regionalmetrics.topology;

/**
 * Keys of the indicator-claims store: {@code series ␟ observedAt ␟ period}, the observation time as
 * 13 zero-padded digits so that byte order is time order. A series' periods are then one
 * contiguous, time-ordered key range (history and as-of are range scans) and undated claims sort
 * after every dated one. The separator (U+001F) sorts below every character of a series key, so the
 * range of {@code 张家口|air.pm25} never reaches {@code 张家口|air.pm25.yoy_pct}.
 */
public final class ClaimKeys {
  static final char SEP = '\u001f';
  private static final String UNDATED = "~";
  private static final long MAX_MILLIS = 9_999_999_999_999L;

  private ClaimKeys() {}

  /** The key of one series' claims about one period. */
  public static String dated(String series, long observedAtMillis, String period) {
    return series + SEP + pad(observedAtMillis) + SEP + period;
  }

  /** The key of one series' claims that no period could be given for. */
  public static String undated(String series) {
    return series + SEP + UNDATED;
  }

  /** Lowest key of the series' periods observed at or after {@code fromMillis}. */
  public static String from(String series, long fromMillis) {
    return series + SEP + pad(Math.max(0, fromMillis));
  }

  /** Highest key of the series' periods observed at or before {@code toMillis}. */
  public static String upTo(String series, long toMillis) {
    return series + SEP + pad(Math.min(MAX_MILLIS, toMillis)) + SEP + '\uffff';
  }

  /** Upper bound of all of the series' keys, undated included. */
  public static String end(String series) {
    return undated(series);
  }

  /** The series a claims key belongs to. */
  public static String seriesOf(String key) {
    return key.substring(0, key.indexOf(SEP));
  }

  public static boolean isUndated(String key) {
    return key.endsWith(SEP + UNDATED);
  }

  private static String pad(long millis) {
    String digits = Long.toString(Math.min(MAX_MILLIS, millis));
    return "0".repeat(13 - digits.length()) + digits;
  }
}
