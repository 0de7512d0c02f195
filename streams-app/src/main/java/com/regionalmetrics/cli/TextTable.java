package com.regionalmetrics.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table aligned for terminals: East Asian wide and full-width characters (汉字,
 * full-width punctuation) take two columns, combining marks none.
 */
final class TextTable {
  private final List<String> headers;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  /** Header names; a name starting with '>' is right-aligned (the '>' is not shown). */
  TextTable(String... headers) {
    this.headers = new ArrayList<>();
    this.right = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].startsWith(">");
      this.headers.add(right[i] ? headers[i].substring(1) : headers[i]);
    }
  }

  TextTable row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      Object c = i < cells.length ? cells[i] : null;
      row.add(c == null ? "" : c.toString().replaceAll("\\s+", " "));
    }
    rows.add(row);
    return this;
  }

  int size() {
    return rows.size();
  }

  String render() {
    int n = headers.size();
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = width(headers.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    line(sb, rule, widths);
    for (List<String> row : rows) {
      line(sb, row, widths);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String pad = " ".repeat(widths[i] - width(cell));
      if (i > 0) {
        line.append("  ");
      }
      line.append(right[i] ? pad + cell : cell + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  /** Terminal columns the text takes. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += columns(cp);
    }
    return w;
  }

  static int columns(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200B) {
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  /** East Asian Width W or F (Unicode UAX #11), the ranges that matter in practice. */
  private static boolean wide(int cp) {
    return cp >= 0x1100 && cp <= 0x115F
        || cp >= 0x2E80 && cp <= 0x303E
        || cp >= 0x3041 && cp <= 0x33FF
        || cp >= 0x3400 && cp <= 0x4DBF
        || cp >= 0x4E00 && cp <= 0x9FFF
        || cp >= 0xA000 && cp <= 0xA4CF
        || cp >= 0xAC00 && cp <= 0xD7A3
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE30 && cp <= 0xFE4F
        || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x1F300 && cp <= 0x1F64F
        || cp >= 0x1F900 && cp <= 0x1F9FF
        || cp >= 0x20000 && cp <= 0x3FFFD;
  }
}
