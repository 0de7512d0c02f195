package com.regionalmetrics.extract;

/** The quantity scanner's ranks: 第3位 / 排名全省第3 (a rank) and 上升3位 / 下降2位 (a rank change). */
final class RankReading {
  private RankReading() {}

  /** A rank written without 位/名 ends the clause: 排名全省第3, / 居全国第一。 */
  static boolean bareRankEnd(String s, int end) {
    if (end >= s.length()) {
      return true;
    }
    char c = s.charAt(end);
    return ",.;:。!?、)”\" ".indexOf(c) >= 0
        || s.startsWith("的", end) && end + 1 < s.length() && ",。;".indexOf(s.charAt(end + 1)) >= 0;
  }

  static boolean rankContext(String s, int di) {
    int from = Math.max(0, di - 6);
    String before = s.substring(from, di);
    if (before.contains("排")
        || before.contains("居")
        || before.contains("列")
        || before.contains("位")) {
      return true;
    }
    // 居全国沿海港口第三位: the rank verb may sit further back when a longer pool is named
    int far = di;
    while (far > 0 && di - far < 14 && ",，。;；:：!?、".indexOf(s.charAt(far - 1)) < 0) {
      far--;
    }
    String wide = s.substring(far, di);
    return wide.contains("排名")
        || wide.contains("位居")
        || wide.contains("位列")
        || wide.contains("名列")
        || wide.contains("居全")
        || wide.contains("列全")
        || wide.contains("排在");
  }

  static Quantity rank(String s, int start, int end, double v, String raw) {
    Quantity q = new Quantity();
    q.start = start;
    q.end = end;
    q.value = v;
    q.numberValue = v;
    q.unit = "rank";
    q.raw = raw;
    q.rank = true;
    return q;
  }

  private static final String[] RANK_UP_WORDS = {"进位", "前进", "前移", "上升", "提升", "提高", "上升了", "进"};

  private static final String[] RANK_DOWN_WORDS = {"退位", "后退", "后移", "下降", "下滑", "退"};

  /** Rank change: 进位14位, 上升3位, 下降2位. */
  static void rankChange(String s, int i, double v, Quantity q) {
    if (q.unitEntry != null
        && ("位".equals(q.unitEntry.surface())
            || "名".equals(q.unitEntry.surface())
            || q.unitEntry.surface().endsWith("位次")
            || q.unitEntry.surface().endsWith("名次"))) {
      String before = s.substring(Math.max(0, i - 4), i);
      if (ClauseText.endsWithAny(before, RANK_UP_WORDS)) {
        q.rankChange = true;
        q.rankUp = true;
      } else if (ClauseText.endsWithAny(before, RANK_DOWN_WORDS)) {
        q.rankChange = true;
        q.rankUp = false;
      }
      if (q.rankChange) {
        q.unit = "rank";
        q.value = v;
      }
    }
  }
}
