package com.regionalmetrics.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkTest {

  private static final String OUTPUT =
      """
      Running 15s test @ http://127.0.0.1:8080
        2 threads and 55 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   612.11us    1.02ms  41.27ms   97.52%
          Req/Sec     2.47k   210.33     2.91k    71.00%
        Latency Distribution
           50%  443.00us
           75%  581.00us
           90%  812.00us
           99%    3.21ms
        74105 requests in 15.00s, 40.12MB read
        Socket errors: connect 0, read 2, write 0, timeout 1
        Non-2xx or 3xx responses: 4
      Requests/sec:   4940.21
      Transfer/sec:      2.67MB
      """;

  @Test
  void readsThroughputPercentilesInMillisecondsAndErrors() {
    Wrk.Result r = Wrk.parse(OUTPUT);

    assertThat(r.requestsPerSecond()).isEqualTo(4940.21);
    assertThat(r.p50Ms()).isCloseTo(0.443, within(1e-9));
    assertThat(r.p99Ms()).isCloseTo(3.21, within(1e-9));
    assertThat(r.errors()).isEqualTo(7); // 4 non-2xx + 3 socket errors
  }

  @Test
  void secondsAreMilliseconds() {
    Wrk.Result r = Wrk.parse(OUTPUT.replace("99%    3.21ms", "99%    1.50s"));

    assertThat(r.p99Ms()).isEqualTo(1500.0);
  }

  @Test
  void percentilesAreNearestRank() {
    Percentiles p = new Percentiles(new long[] {5, 1, 4, 2, 3, 6, 7, 8, 9, 10});

    assertThat(p.at(50)).isEqualTo(5);
    assertThat(p.at(99)).isEqualTo(10);
    assertThat(p.max()).isEqualTo(10);
    assertThat(new Percentiles(new long[0]).at(50)).isEqualTo(-1);
  }
}
