package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.List;

/** Splits normalised text into paragraphs (lines) and sentences (。！？!?;；…). */
public final class SentenceSplitter {

  static final int MAX_SENTENCE = 600;

  private SentenceSplitter() {}

  /**
   * A sentence and the paragraph it belongs to (index of the line); numbering: the list or section
   * numbering stripped before it ('、' for 一、, ')' for (一), '.' for 1.), 0 when none or not the
   * line's first sentence.
   */
  public record Sentence(String text, int paragraph, int start, char numbering) {
    public Sentence(String text, int paragraph, int start) {
      this(text, paragraph, start, (char) 0);
    }

    public int end() {
      return start + text.length();
    }
  }

  public static List<Sentence> split(String normalizedText) {
    List<Sentence> out = new ArrayList<>();
    int paragraph = 0;
    int lineStart = 0;
    int n = normalizedText.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || normalizedText.charAt(i) == '\n') {
        String line = normalizedText.substring(lineStart, i);
        lineStart = i + 1;
        if (Boilerplate.endsArticle(line) && !out.isEmpty()) {
          break; // "推荐阅读", comment box: everything after is site furniture
        }
        if (Boilerplate.isBoilerplate(line)) {
          continue;
        }
        String body = Boilerplate.stripListNumbering(line);
        int first = out.size();
        splitLine(body, paragraph, i - body.length(), out);
        if (body.length() < line.length() && out.size() > first) {
          Sentence s0 = out.get(first);
          char sep = line.charAt(line.length() - body.length() - 1);
          out.set(
              first, new Sentence(s0.text(), s0.paragraph(), s0.start(), sep == '）' ? ')' : sep));
        }
        paragraph++;
      }
    }
    return out;
  }

  private static void splitLine(String line, int paragraph, int offset, List<Sentence> out) {
    int start = 0;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      boolean end = c == '。' || c == '!' || c == '?' || c == ';' || c == '…';
      if (end) {
        int j = i + 1;
        // keep closing quotes and repeated terminators with their sentence
        while (j < n && "。!?;…”’)」』".indexOf(line.charAt(j)) >= 0) {
          j++;
        }
        add(line, start, j, paragraph, offset, out);
        start = j;
        i = j - 1;
      }
    }
    if (start < n) {
      add(line, start, n, paragraph, offset, out);
    }
  }

  private static void add(
      String line, int from, int to, int paragraph, int offset, List<Sentence> out) {
    while (from < to && Character.isWhitespace(line.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
      to--;
    }
    // very long "sentences" (tables, noise) are cut at clause breaks so that per-sentence work
    // stays bounded
    while (to - from > MAX_SENTENCE) {
      int cut = from + MAX_SENTENCE;
      for (int k = from + MAX_SENTENCE; k > from + MAX_SENTENCE / 2; k--) {
        if (line.charAt(k) == ',' || line.charAt(k) == ' ') {
          cut = k + 1;
          break;
        }
      }
      if (Character.isLowSurrogate(line.charAt(cut)) && cut > from + 1) {
        cut--;
      }
      out.add(new Sentence(line.substring(from, cut), paragraph, offset + from));
      from = cut;
    }
    if (to > from) {
      out.add(new Sentence(line.substring(from, to), paragraph, offset + from));
    }
  }
}
