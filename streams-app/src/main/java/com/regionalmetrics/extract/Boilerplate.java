package com.regionalmetrics.extract;

import java.util.regex.Pattern;

/**
 * Recognises site furniture that carries numbers but no statistics: copyright footers, contact
 * lines, comment boxes, ad blocks, "related articles" lists, view counters. Decided per line, so a
 * footer never swallows the article above it.
 */
public final class Boilerplate {

  private static final String[] MARKERS = {
    "版权",
    "copyright",
    "©",
    "联系电话",
    "联系方式",
    "电话:",
    "传真",
    "邮编",
    "发表评论",
    "验证码",
    "留言与评论",
    "相关文章",
    "推荐文章",
    "推荐阅读",
    "相关阅读",
    "相关新闻",
    "责任编辑",
    "未经",
    "转载",
    "稿件来源",
    "免责声明",
    "ICP备",
    "icp备",
    "公网安备",
    "网站地图",
    "关于我们",
    "扫一扫",
    "二维码",
    "阅读原文",
    "点击查看",
    "上一篇",
    "下一篇",
    "¥",
    "￥",
    "热门推荐",
    "广告",
    "客服",
    "邮箱",
    "@"
  };

  /** A line of only numbers, separators and spaces ("1170 174 0", view/like counters). */
  private static final Pattern NUMBERS_ONLY = Pattern.compile("[\\d\\s.,:/|-]{1,80}");

  private static final String[] TAIL_MARKERS = {
    "推荐阅读", "相关文章", "推荐文章", "相关阅读", "相关新闻", "发表评论", "热门推荐", "猜你喜欢", "延伸阅读"
  };

  private Boilerplate() {}

  /** A short heading after which a page only has furniture (related links, comments, ads). */
  public static boolean endsArticle(String line) {
    String t = line.strip();
    if (t.length() > 24) {
      return false;
    }
    for (String m : TAIL_MARKERS) {
      if (t.contains(m)) {
        return true;
      }
    }
    return false;
  }

  /** Same as NUMBERS_ONLY.matcher(t).matches(), without the regex. */
  static boolean numbersOnly(String t) {
    int n = t.length();
    if (n < 1 || n > 80) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || c == ' '
              || c == '\t'
              || c == '\n'
              || c == '\u000B'
              || c == '\f'
              || c == '\r'
              || c == '.'
              || c == ','
              || c == ':'
              || c == '/'
              || c == '|'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public static boolean isBoilerplate(String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return true;
    }
    if (numbersOnly(t)) {
      return true;
    }
    String lower = hasCase(t) ? t.toLowerCase(java.util.Locale.ROOT) : t;
    for (String m : MARKERS) {
      if (lower.contains(m)) {
        // long lines that mention a marker in passing are still article text
        return t.length() < 400 || m.equals("版权") || m.equals("未经");
      }
    }
    return false;
  }

  /**
   * Whether lower-casing could change t: false for ASCII without A-Z and CJK (U+3000-U+9FFF, no
   * case). Most lines are Chinese, and String.toLowerCase looks every character up in the Unicode
   * tables.
   */
  static boolean hasCase(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x80 ? c >= 'A' && c <= 'Z' : c < 0x3000 || c > 0x9FFF) {
        return true;
      }
    }
    return false;
  }

  /** Strips list numbering at the start of a line: "1." "2、" "(3)" "一、" "①". */
  public static String stripListNumbering(String line) {
    int n = line.length();
    int i = 0;
    if (i < n && (line.charAt(i) == '(' || line.charAt(i) == '（')) {
      int j = i + 1;
      while (j < n
          && j - i <= 3
          && (Character.isDigit(line.charAt(j)) || "一二三四五六七八九十".indexOf(line.charAt(j)) >= 0)) {
        j++;
      }
      if (j > i + 1 && j < n && (line.charAt(j) == ')' || line.charAt(j) == '）')) {
        return line.substring(j + 1);
      }
      return line;
    }
    if (i < n && line.charAt(i) >= '①' && line.charAt(i) <= '⑳') {
      return line.substring(1);
    }
    int j = i;
    while (j < n
        && j < 3
        && (Character.isDigit(line.charAt(j)) || "一二三四五六七八九十".indexOf(line.charAt(j)) >= 0)) {
      j++;
    }
    if (j > i && j < n) {
      char sep = line.charAt(j);
      boolean digitsLead = Character.isDigit(line.charAt(i));
      if (sep == '、'
          || (digitsLead && sep == '.' && (j + 1 >= n || !Character.isDigit(line.charAt(j + 1))))) {
        return line.substring(j + 1);
      }
    }
    return line;
  }
}
