package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables flattened into text (a header line of column names, then one line per row, cells apart by
 * spaces or tabs) are rewritten as the sentences they stand for, so the sentence rules read them
 * like prose:
 *
 * <pre>
 * 1—10月各县(市、区)综合指数排名:          1—10月,吉县综合指数3.02,同比下降7.4%,优良天数256天。
 * 县(市、区)  综合指数  同比变化(%)  优良天数(天)   →
 * 吉县  3.02  -7.4  256
 * 产品名称  计量单位  产量  比上年增长%         原煤产量21846.3万吨,比上年增长3.4%。
 * 原煤  万吨  21846.3  3.4                 →
 * </pre>
 *
 * Runs before whitespace is tidied (that step joins the cells). Phases: {@link #header} (the
 * columns: label, unit, level, change, rank, share, or a period), {@link #row} (a label and numeric
 * cells matching the header), {@link Caption} (the line above: period, measure, default unit),
 * {@link #sentencesOf} (the row in words). Lines that are not a table pass unchanged.
 */
final class FlatTables {

  private final Predicate<String> isRegion;

  /** isRegion: whether a row label names a place (the row is then about that place). */
  FlatTables(Predicate<String> isRegion) {
    this.isRegion = isRegion;
  }

  enum Kind {
    LABEL,
    UNIT,
    LEVEL,
    CHANGE,
    RANK,
    SHARE,
    SEQ
  }

  record Column(String name, String unit, Kind kind, String period) {}

  private static final Pattern CELL_SPLIT = Pattern.compile("[ \\t]+");
  private static final Pattern NUMBER =
      Pattern.compile("[-+−]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?%?");
  private static final Pattern DASH = Pattern.compile("[-—–/…]+");
  private static final Pattern PARENS = Pattern.compile("^(.*?)[(（]([^()（）]{1,10})[)）]$");
  private static final Pattern UNIT_NOTE = Pattern.compile("单位[:：]\\s*([^\\s,，;；)）]{1,8})");

  /** The text with every table replaced by its sentences. */
  String rewrite(String text) {
    return rewrite(text, new java.util.HashSet<>());
  }

  /**
   * The same, collecting the sentences made from rows (they are no vote for the article's place).
   */
  String rewrite(String text, java.util.Set<String> rowSentences) {
    if (text.indexOf('\n') < 0 || (text.indexOf(' ') < 0 && text.indexOf('\t') < 0)) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder out = null;
    int i = 0;
    int copied = 0; // lines before this index are in out
    while (i < lines.length) {
      List<Column> cols = header(cells(lines[i]));
      int captionAt = i - 1;
      if (cols == null) {
        cols = captionHeader(lines[i]);
        captionAt = i; // 主要货类吞吐量(单位、2024年、同比±%): the caption names the columns
      }
      if (cols == null) {
        i++;
        continue;
      }
      List<String> rows = new ArrayList<>();
      int j = i + 1;
      int end = i + 1; // after the last row
      while (j < lines.length) {
        List<String> row = row(cells(lines[j]), cols);
        if (row != null) {
          rows.add(lines[j]);
          end = ++j;
        } else if (isNote(lines[j]) && !rows.isEmpty()) {
          j++; // 注:… between rows; the table may go on after it
        } else {
          break;
        }
      }
      if (rows.isEmpty()) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 64);
      }
      for (int k = copied; k < i; k++) {
        out.append(lines[k]).append('\n');
      }
      Caption cap = Caption.of(captionAt >= 0 ? lines[captionAt] : "");
      for (int k = i + 1; k < end; k++) {
        List<String> row = row(cells(lines[k]), cols);
        if (row == null) {
          out.append(lines[k]).append('\n'); // a note between rows stays as it was
        } else {
          for (String s : sentencesOf(row, cols, cap)) {
            out.append(s).append('\n');
            rowSentences.add(s);
          }
        }
      }
      copied = end;
      i = end;
    }
    if (out == null) {
      return text;
    }
    for (int k = copied; k < lines.length; k++) {
      out.append(lines[k]);
      if (k + 1 < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  static List<String> cells(String line) {
    String t = line.strip();
    if (t.indexOf(' ') < 0 && t.indexOf('\t') < 0) { // one cell at most: no table line
      return List.of();
    }
    if (t.isEmpty()) {
      return List.of();
    }
    return List.of(CELL_SPLIT.split(t));
  }

  private static boolean isNote(String line) {
    String t = line.strip();
    return t.startsWith("注") || t.startsWith("说明") || t.startsWith("*");
  }

  /** The columns of a header line, or null when the line is no header. */
  static List<Column> header(List<String> cells) {
    if (cells.size() < 2 || cells.size() > 8) {
      return null;
    }
    List<Column> cols = new ArrayList<>(cells.size());
    for (int k = 0; k < cells.size(); k++) {
      String c = cells.get(k);
      if (c.length() > 16
          || NUMBER.matcher(c).matches()
          || DASH.matcher(c).matches()
          || ClauseText.containsAny(c, SENTENCE_MARKS)) {
        return null;
      }
      cols.add(k == 0 ? new Column(c, null, Kind.LABEL, null) : column(c));
    }
    // 排名 城市 综合指数 …: a leading rank (or row number) column, the label in the second
    if (cols.size() >= 3 && leadingOrdinal(cells.get(0)) && cols.get(1).kind() != Kind.UNIT) {
      boolean seq = cells.get(0).equals("序号");
      cols.set(0, new Column(cells.get(0), null, seq ? Kind.SEQ : Kind.RANK, null));
      cols.set(1, new Column(cells.get(1), null, Kind.LABEL, null));
    }
    return cols;
  }

  private static final String[] SENTENCE_MARKS = {"。", ",", "，", ";", "；", "!", "?"};

  static final Pattern CAPTION_COLUMNS = Pattern.compile("^[^(（\\s]{2,20}[(（]([^()（）]{3,30})[)）]$");

  /**
   * Necessary for a caption (CAPTION_COLUMNS matching, a 、 inside): tried for every line, and most
   * lines are sentences that fail here without running the regex.
   */
  static boolean mayBeCaption(String t) {
    return t.length() >= 7 && t.indexOf('、') >= 0 && (t.endsWith(")") || t.endsWith("）"));
  }

  /**
   * 主要货类吞吐量(单位、2024年、同比±%): a caption that lists the columns after the row label, which has no
   * name; null when the parentheses hold no unit or period column.
   */
  static List<Column> captionHeader(String line) {
    String t = line.strip();
    if (!mayBeCaption(t)) {
      return null;
    }
    Matcher m = CAPTION_COLUMNS.matcher(t);
    if (!m.matches()
        || m.group(1).indexOf('、') < 0
        || m.group(1).matches("^单位[:：].*")) { // 单位:亿元、% is a unit note
      return null;
    }
    List<String> cells = new ArrayList<>();
    cells.add("指标");
    for (String c : m.group(1).split("、")) {
      cells.add(c.strip());
    }
    List<Column> cols = header(cells);
    if (cols == null) {
      return null;
    }
    for (Column c : cols) {
      if (c.kind() == Kind.UNIT || c.period() != null) {
        return cols;
      }
    }
    return null;
  }

  private static Column column(String cell) {
    String name = cell;
    String unit = null;
    Matcher m = PARENS.matcher(cell);
    if (m.matches()) {
      name = m.group(1);
      unit = m.group(2);
    } else if (cell.endsWith("%") && cell.length() > 1) {
      name = cell.substring(0, cell.length() - 1);
      unit = "%";
    }
    name = name.replace("±", "");
    if (name.equals("单位") || name.equals("计量单位")) {
      return new Column(name, null, Kind.UNIT, null);
    }
    if (isPeriod(name)) {
      return new Column(name, unit, Kind.LEVEL, name);
    }
    if (ClauseText.containsAny(name, RANK_WORDS)) {
      return new Column(name, unit, Kind.RANK, null);
    }
    if (ClauseText.containsAny(name, SHARE_WORDS)) {
      return new Column(name, unit == null ? "%" : unit, Kind.SHARE, null);
    }
    if (ClauseText.containsAny(name, CHANGE_WORDS)) {
      return new Column(name, unit, Kind.CHANGE, null);
    }
    return new Column(name, unit, Kind.LEVEL, null);
  }

  /** A column named by a time alone (2023年, 1-8月): its values are that period's. */
  private static boolean isPeriod(String name) {
    List<TimeResolver.TimeExpr> times = TimeResolver.find(name, null, null);
    return times.size() == 1 && times.get(0).start() == 0 && times.get(0).end() == name.length();
  }

  private static final String[] RANK_WORDS = {"位次", "排名", "名次", "排位"};

  private static boolean leadingOrdinal(String cell) {
    return cell.equals("序号") || cell.equals("排名") || cell.equals("名次") || cell.equals("位次");
  }

  static int labelColumn(List<Column> cols) {
    return cols.get(0).kind() == Kind.LABEL ? 0 : 1;
  }

  private static final String[] SHARE_WORDS = {"比重", "占比", "构成"};
  private static final String[] CHANGE_WORDS = {
    "同比", "比上年", "比去年", "增减", "变化", "增长", "增速", "增幅", "环比", "比上月"
  };

  /** The cells of a row matching the columns, or null. */
  static List<String> row(List<String> cells, List<Column> cols) {
    if (cells.size() != cols.size()) {
      return null;
    }
    int at = labelColumn(cols);
    String label = cells.get(at);
    if (label.length() > 24
        || NUMBER.matcher(label).matches()
        || ClauseText.containsAny(label, SENTENCE_MARKS)) {
      return null;
    }
    int numbers = 0;
    for (int k = 0; k < cells.size(); k++) {
      String c = cells.get(k);
      if (k == at) {
        continue;
      }
      if (cols.get(k).kind() == Kind.UNIT) {
        if (NUMBER.matcher(c).matches() || c.length() > 10) {
          return null;
        }
      } else if (NUMBER.matcher(c).matches()) {
        numbers++;
      } else if (!DASH.matcher(c).matches()) {
        return null;
      }
    }
    return numbers > 0 ? cells : null;
  }

  /** The line above a table: its period, the measure its columns name only generically, a unit. */
  record Caption(String time, String measure, String unit) {
    static final Caption NONE = new Caption(null, null, null);

    static Caption of(String line) {
      String t = line.strip();
      int stop = Math.max(t.lastIndexOf('。'), t.lastIndexOf(';'));
      if (stop >= 0) {
        t = t.substring(stop + 1).strip(); // …比上年增加37户。主要工业产品产量
      }
      if (t.isEmpty() || t.length() > 60) {
        return NONE;
      }
      String unit = null;
      Matcher u = UNIT_NOTE.matcher(t);
      if (u.find()) {
        unit = u.group(1);
        t = (t.substring(0, u.start()) + t.substring(u.end())).strip();
      }
      String time = null;
      List<TimeResolver.TimeExpr> times = TimeResolver.find(t, null, null);
      if (!times.isEmpty()) {
        TimeResolver.TimeExpr first = times.get(0);
        time = t.substring(first.start(), first.end());
        t = t.substring(0, first.start()) + t.substring(first.end());
      }
      return new Caption(time, measureOf(t), unit);
    }

    /**
     * 单位:亿元、%: one unit per value column, in order (the last one for any further columns); null
     * when the caption names no such list.
     */
    String unitOfColumn(List<Column> cols, int k) {
      if (unit == null || unit.indexOf('、') < 0) {
        return null;
      }
      String[] units = unit.split("、");
      int position = 0;
      for (int j = 0; j < k; j++) {
        Kind kind = cols.get(j).kind();
        if (kind != Kind.LABEL && kind != Kind.UNIT && kind != Kind.SEQ) {
          position++;
        }
      }
      return units[Math.min(position, units.length - 1)];
    }

    /** 附表 部分设区市规模以上工业增加值增速 → 规模以上工业增加值. */
    private static String measureOf(String t) {
      String m = t.replaceAll("[(（][^()（）]*[)）]", "").replaceAll("[:：\\s]", "");
      m = m.replaceFirst("^(附表|表)\\d*", "");
      m = m.replaceFirst("^[一二三四五六七八九十]+、", "");
      m = m.replaceFirst("^(全省|全市|全区|全国)?(部分|各|主要|重点)?(设区城市|设区市|地级市|市州|县市区|县区|县市|区县|城市|地市)?", "");
      m = m.replaceFirst("(增速|增长|排名|情况|对比|一览表?|统计表?|主要数据)+$", "");
      return m.length() >= 2 && m.length() <= 20 ? m : null;
    }
  }

  /** A row in words: one sentence for the row's own columns, one per period column. */
  List<String> sentencesOf(List<String> row, List<Column> cols, Caption cap) {
    int at = labelColumn(cols);
    String label = row.get(at);
    String lead = "";
    if (label.startsWith("其中:") || label.startsWith("其中：")) {
      label = label.substring(3);
      lead = "其中,";
    }
    String rowUnit = null;
    Matcher m = PARENS.matcher(label);
    if (m.matches()) {
      label = m.group(1);
      rowUnit = m.group(2);
    }
    boolean place = isRegion.test(label);
    String unitCell = null;
    for (int k = 0; k < cols.size(); k++) {
      if (cols.get(k).kind() == Kind.UNIT && !DASH.matcher(row.get(k)).matches()) {
        unitCell = row.get(k);
      }
    }
    boolean periodColumns = false;
    for (Column c : cols) {
      periodColumns |= c.period() != null;
    }
    List<String> parts = new ArrayList<>();
    List<String> out = new ArrayList<>();
    String level = null; // the measure of the row's last level, which its changes refer to
    for (int k = 0; k < cols.size(); k++) {
      Column c = cols.get(k);
      String cell = row.get(k).replace(",", "");
      if (k == at
          || c.kind() == Kind.UNIT
          || c.kind() == Kind.SEQ
          || DASH.matcher(cell).matches()) {
        continue;
      }
      // a caption's unit per column (单位:亿元、%) is the change columns' even in a row of 元
      String listed = cap.unitOfColumn(cols, k);
      String captionUnit = listed != null ? listed : cap.unit();
      String unit =
          c.kind() == Kind.CHANGE && listed != null
              ? listed
              : firstNonNull(c.unit(), unitCell, rowUnit, captionUnit);
      String measure = place ? placeMeasure(c, cap) : label;
      switch (c.kind()) {
        case LEVEL -> {
          String name = place || generic(c) || named(label, c) ? measure : label + c.name();
          if (c.period() != null) {
            out.add(
                c.period() + "," + (place ? label : "") + name + "为" + cell + unitText(unit) + "。");
          } else {
            parts.add(name + "为" + cell + unitText(unit)); // PM2.5为31, not PM2.531
            level = name;
          }
        }
        case CHANGE -> {
          boolean pct = unit == null || unit.equals("%") || cell.endsWith("%");
          String v = cell.replace("%", "");
          boolean down = v.startsWith("-") || v.startsWith("−");
          v = v.replaceFirst("^[-+−]", "");
          String word = c.name().contains("环比") || c.name().contains("上月") ? "环比" : "同比";
          String verb = pct ? (down ? "下降" : "增长") : (down ? "减少" : "增加");
          parts.add(
              (level != null ? "" : measure == null ? "" : measure)
                  + word
                  + verb
                  + v
                  + (pct ? "%" : unitText(unit)));
        }
        case RANK -> parts.add("居第" + cell.replace("%", "") + "位");
        case SHARE -> parts.add("占比" + cell.replace("%", "") + "%");
        default -> {}
      }
    }
    if (!parts.isEmpty()) {
      String time = periodColumns || cap.time() == null ? "" : cap.time() + ",";
      out.add(0, time + lead + (place ? label : "") + String.join(",", parts) + "。");
    }
    return out;
  }

  /** In a row about a place, what a column measures: its name, or the caption's for 增速. */
  private static String placeMeasure(Column c, Caption cap) {
    if (c.kind() == Kind.LEVEL && c.period() == null) {
      return c.name();
    }
    return cap.measure() != null ? cap.measure() : c.kind() == Kind.LEVEL ? c.name() : "";
  }

  /** A level column that only says "the value" (产量 in a table of products is the row's 产量). */
  private static boolean generic(Column c) {
    return c.period() != null
        || c.name().equals("绝对数")
        || c.name().equals("数值")
        || c.name().equals("数量")
        || c.name().equals("总量")
        || c.name().equals("本期")
        || c.name().equals("累计")
        || c.name().equals("指标值");
  }

  /** 发电量 under 产量, 税收收入 under 收入: the row label already names the measure. */
  private static boolean named(String label, Column c) {
    char last = label.charAt(label.length() - 1);
    return label.contains(c.name())
        || "量额值率数".indexOf(last) >= 0
        || last == c.name().charAt(c.name().length() - 1);
  }

  private static String unitText(String unit) {
    if (unit == null || unit.contains("=")) {
      return ""; // 上年同期=100: an index, named by the row
    }
    return unit;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... xs) {
    for (T x : xs) {
      if (x != null) {
        return x;
      }
    }
    return null;
  }
}
