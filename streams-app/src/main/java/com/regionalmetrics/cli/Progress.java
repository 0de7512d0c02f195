package com.regionalmetrics.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a batch: on a terminal a bar redrawn in place (count, percentage, rate, ETA,
 * rejections); otherwise plain log lines, every 10% or 5 seconds. Thread-safe.
 */
abstract class Progress {
  final int total;
  final PrintWriter out;
  final LongSupplier nanos;
  final long started;
  int done;
  int rejected;

  Progress(int total, PrintWriter out, LongSupplier nanos) {
    this.total = total;
    this.out = out;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
  }

  static Progress create(String mode, int total, PrintWriter out) {
    boolean terminal = System.console() != null;
    return switch (mode) {
      case "bar" -> new Bar(total, out, System::nanoTime);
      case "lines" -> new Lines(total, out, System::nanoTime);
      case "none" -> new Lines(total, new PrintWriter(PrintWriter.nullWriter()), System::nanoTime);
      default ->
          terminal
              ? new Bar(total, out, System::nanoTime)
              : new Lines(total, out, System::nanoTime);
    };
  }

  synchronized void accepted() {
    done++;
    update(false);
  }

  synchronized void rejected(String file, String reason) {
    done++;
    rejected++;
    note("rejected " + file + ": " + reason);
    update(false);
  }

  synchronized void finish() {
    update(true);
  }

  abstract void note(String line);

  abstract void update(boolean last);

  double seconds() {
    return (nanos.getAsLong() - started) / 1e9;
  }

  double rate() {
    double s = seconds();
    return s <= 0 ? 0 : done / s;
  }

  String eta() {
    double rate = rate();
    if (done == 0 || rate <= 0) {
      return "--:--";
    }
    long s = Math.round((total - done) / rate);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  int percent() {
    return total == 0 ? 100 : (int) (100L * done / total);
  }

  /** [=========> ] 512/1000 51% 143.2/s ETA 0:03 2 rejected */
  static final class Bar extends Progress {
    private static final int WIDTH = 30;
    private long lastDraw = Long.MIN_VALUE;
    private int lastLength;

    Bar(int total, PrintWriter out, LongSupplier nanos) {
      super(total, out, nanos);
    }

    @Override
    void note(String line) {
      clear();
      out.println(line);
      lastDraw = Long.MIN_VALUE;
    }

    @Override
    void update(boolean last) {
      long now = nanos.getAsLong();
      if (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < 100_000_000L && done < total) {
        return;
      }
      lastDraw = now;
      int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
      StringBuilder bar = new StringBuilder("[");
      for (int i = 0; i < WIDTH; i++) {
        bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
      }
      bar.append(']');
      String line =
          String.format(
              Locale.ROOT,
              "%s %d/%d %3d%%  %.1f/s  ETA %s%s",
              bar,
              done,
              total,
              percent(),
              rate(),
              last ? "0:00" : eta(),
              rejected == 0 ? "" : "  " + rejected + " rejected");
      out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
      if (last) {
        out.println();
      }
      out.flush();
    }

    private void clear() {
      out.print("\r" + " ".repeat(lastLength) + "\r");
      lastLength = 0;
    }
  }

  /** ingest: 500/1000 (50%), 140.2/s, ETA 0:04, 0 rejected */
  static final class Lines extends Progress {
    private int lastPercent = -1;
    private long lastLine;

    Lines(int total, PrintWriter out, LongSupplier nanos) {
      super(total, out, nanos);
      lastLine = started;
    }

    @Override
    void note(String line) {
      out.println(line);
      out.flush();
    }

    @Override
    void update(boolean last) {
      long now = nanos.getAsLong();
      int tenth = percent() / 10;
      if (last || tenth > lastPercent / 10 && done > 0 || now - lastLine >= 5_000_000_000L) {
        if (last && done > 0 && tenth * 10 == lastPercent) {
          return; // 100% already printed
        }
        lastPercent = tenth * 10;
        lastLine = now;
        out.println(
            String.format(
                Locale.ROOT,
                "ingest: %d/%d (%d%%), %.1f/s, ETA %s, %d rejected",
                done,
                total,
                percent(),
                rate(),
                done >= total ? "0:00" : eta(),
                rejected));
        out.flush();
      }
    }
  }
}
