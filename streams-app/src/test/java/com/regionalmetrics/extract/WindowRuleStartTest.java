package com.regionalmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * WindowRule tries its pattern only where {@link WindowRule#canStart} says a phrase can start; that
 * test must never reject a position where the pattern matches, or a window would be lost (e.g.
 * after PHRASE gains an alternative and STARTS is not updated).
 */
class WindowRuleStartTest {

  /** Pieces of period phrases and their neighbours, glued at random into test texts. */
  private static final String[] PIECES = {
    "2024年",
    "2014",
    "年",
    "月",
    "份",
    "1-8月",
    "1至8月",
    "10月份至12月",
    "3-5月",
    "9月",
    "12",
    "1",
    "一",
    "二",
    "三",
    "四",
    "第三季度",
    "季度",
    "Q3",
    "q4",
    "前三季度",
    "前两个季度",
    "前8个月",
    "上半年",
    "下半年",
    "今年以来",
    "本年",
    "去年",
    "上年",
    "上个月",
    "上月",
    "本月份",
    "当月",
    "当前",
    "年初以来",
    "年初至今",
    "年末",
    "年底",
    "年度",
    "全年",
    "春节",
    "国庆",
    "五一",
    "劳动节",
    "元旦",
    "清明",
    "端午",
    "中秋",
    "暑期",
    "暑假",
    "寒假",
    "黄金周",
    "小长假",
    "冰雪季",
    "雪季",
    "滑雪季",
    "截至目前",
    "截止目前",
    "目前",
    "至今",
    "如今",
    "现有",
    "自",
    "从",
    "以来",
    "起",
    "至",
    "到",
    "-",
    "—",
    "~",
    "底",
    "末",
    "初",
    "日",
    "号",
    "旬",
    "同期",
    "相比",
    "比",
    "增长",
    "达到",
    "的",
    ",",
    "。",
    ".",
    "0",
    "5"
  };

  @Test
  void canStartAcceptsEveryPositionWherePhraseMatches() {
    Random random = new Random(15);
    Matcher m = WindowRule.PHRASE.matcher("");
    int matches = 0;
    for (int t = 0; t < 50_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + random.nextInt(8); k > 0; k--) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String s = b.toString();
      m.reset(s).useTransparentBounds(true).useAnchoringBounds(false);
      for (int i = 0; i < s.length(); i++) {
        m.region(i, s.length());
        if (m.lookingAt()) {
          matches++;
          assertTrue(WindowRule.canStart(s, i), () -> "rejected a phrase start: " + s);
        }
      }
    }
    assertTrue(matches > 50_000, "the texts hold phrases: " + matches);
  }
}
