package com.regionalmetrics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSamplerTest {

  @Test
  void heapUsedIsBothSurvivorsEdenAndOldInBytes() {
    String header =
        " S0C    S1C    S0U    S1U      EC       EU        OC         OU       MC     MU    CCSC   CCSU   "
            + "YGC     YGCT    FGC    FGCT     CGC    CGCT     GCT   ";
    String row =
        "  0.0   2048.0  0.0   1024.0 20480.0  10240.0  300000.0   51200.0  54144.0 53565.0 6016.0 5763.0"
            + "    357    0.700   0      0.000   4      0.010    0.710";

    assertThat(HeapSampler.heapUsed(header, row)).isEqualTo((1024 + 10240 + 51200) * 1024L);
  }

  @Test
  void samplesThisVeryJvm() throws Exception {
    try (HeapSampler sampler = new HeapSampler(ProcessHandle.current().pid())) {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (sampler.peak() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(sampler.peak()).isBetween(1L, Runtime.getRuntime().maxMemory());
    }
  }
}
