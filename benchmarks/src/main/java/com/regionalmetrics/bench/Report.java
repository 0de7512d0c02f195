package com.regionalmetrics.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A Markdown report, printed as it grows and saved at the end. */
final class Report {
  private final StringBuilder text = new StringBuilder();

  void heading(String title) {
    add("## " + title + "\n");
  }

  void line(String format, Object... args) {
    add(String.format(Locale.ROOT, format, args));
  }

  void table(String... headers) {
    add("");
    add("| " + String.join(" | ", headers) + " |");
    add("|---" + "|---:".repeat(headers.length - 1) + "|");
  }

  void row(String... cells) {
    add("| " + String.join(" | ", cells) + " |");
  }

  void print(Path file) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    System.err.println("report saved to " + file);
  }

  static String f0(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  private void add(String s) {
    text.append(s).append('\n');
    System.out.println(s);
  }
}
