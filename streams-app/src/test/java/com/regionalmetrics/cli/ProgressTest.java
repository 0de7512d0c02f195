package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final AtomicLong clock = new AtomicLong();
  private final StringWriter text = new StringWriter();

  @Test
  void linesEveryTenPercentWithRateAndEta() {
    Progress p = new Progress.Lines(20, new PrintWriter(text), clock::get);
    for (int i = 0; i < 20; i++) {
      clock.addAndGet(100_000_000L); // 10 articles per second
      if (i == 5) {
        p.rejected("bad.txt", "empty file");
      } else {
        p.accepted();
      }
    }
    p.finish();
    String out = text.toString();
    assertThat(out).contains("ingest: 2/20 (10%), 10.0/s, ETA 0:02, 0 rejected");
    assertThat(out).contains("rejected bad.txt: empty file");
    assertThat(out).contains("ingest: 10/20 (50%), 10.0/s, ETA 0:01, 1 rejected");
    assertThat(out).contains("ingest: 20/20 (100%), 10.0/s, ETA 0:00, 1 rejected");
    assertThat(out.lines().filter(l -> l.contains("(100%)")).count()).isEqualTo(1);
  }

  @Test
  void barRedrawsInPlaceAndEndsWithANewline() {
    Progress p = new Progress.Bar(4, new PrintWriter(text), clock::get);
    for (int i = 0; i < 4; i++) {
      clock.addAndGet(500_000_000L);
      p.accepted();
    }
    p.finish();
    String out = text.toString();
    assertThat(out).contains("\r[===============>              ] 2/4  50%  2.0/s  ETA 0:01");
    assertThat(out).contains("\r[==============================] 4/4 100%  2.0/s  ETA 0:00");
    assertThat(out).endsWith("\n");
    assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }
}
