package com.regionalmetrics.extract;

/**
 * Chinese numerals: 一…九, 十 百 千 万 亿, 两, 零/〇 ("三千零五", "十二万", "二〇二四" digit by digit), and Arabic
 * numbers with decimals and thousands separators.
 */
public final class ChineseNumbers {

  private ChineseNumbers() {}

  public static final String DIGITS = "零一二三四五六七八九";
  public static final String NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

  public static boolean isNumeralChar(char c) {
    return NUMERAL_CHARS.indexOf(c) >= 0;
  }

  static int digit(char c) {
    if (c == '〇' || c == '零') {
      return 0;
    }
    if (c == '两') {
      return 2;
    }
    int d = DIGITS.indexOf(c);
    return d;
  }

  /**
   * Value of a Chinese numeral string, or NaN if it is not one. Without 十/百/千 a run of digits is
   * read positionally (二〇二四 = 2024).
   */
  public static double parse(String s) {
    if (s == null || s.isEmpty() || s.length() > 24) {
      return Double.NaN;
    }
    boolean hasUnit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isNumeralChar(c)) {
        return Double.NaN;
      }
      if (c == '十' || c == '百' || c == '千' || c == '万' || c == '亿') {
        hasUnit = true;
      }
    }
    if (!hasUnit) {
      if (s.length() == 1) {
        return digit(s.charAt(0));
      }
      double v = 0;
      for (int i = 0; i < s.length(); i++) {
        v = v * 10 + digit(s.charAt(i));
      }
      return v;
    }
    double total = 0; // completed 亿 groups
    double section = 0; // completed 万 groups within the current 亿
    double small = 0; // below 万
    int pending = -1; // digit waiting for its multiplier
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        pending = d;
        continue;
      }
      switch (c) {
        case '十' -> {
          small += (pending < 0 ? 1 : pending) * 10;
          pending = -1;
        }
        case '百' -> {
          small += (pending < 0 ? 1 : pending) * 100;
          pending = -1;
        }
        case '千' -> {
          small += (pending < 0 ? 1 : pending) * 1000;
          pending = -1;
        }
        case '万' -> {
          section += (small + Math.max(pending, 0)) * 10_000;
          small = 0;
          pending = -1;
        }
        case '亿' -> {
          total += (section + small + Math.max(pending, 0)) * 100_000_000;
          section = 0;
          small = 0;
          pending = -1;
        }
        default -> {
          return Double.NaN;
        }
      }
    }
    return total + section + small + Math.max(pending, 0);
  }

  /**
   * Parses an Arabic number with optional thousands separators (1,234,567.8). Returns NaN for
   * anything else.
   */
  public static double parseArabic(String s) {
    if (s == null || s.isEmpty() || s.length() > 40) {
      return Double.NaN;
    }
    String t = s.replace(",", "");
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
