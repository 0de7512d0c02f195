package com.regionalmetrics.query;

import java.util.Comparator;

/** Keys in the order the stores keep them: UTF-8 bytes, which is Unicode code point order. */
final class KeyOrder {
  static final Comparator<String> CODE_POINTS =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private KeyOrder() {}

  static String key(MetricEventView e) {
    return e.region() + "|" + e.indicator();
  }
}
