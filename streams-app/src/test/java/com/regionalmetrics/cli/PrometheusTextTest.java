package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void readsThePipelineCountersAndTheirGrowth() {
    var before =
        PrometheusText.parse(
            """
        # HELP regional_metrics_articles_read_total Articles read by the extract step
        # TYPE regional_metrics_articles_read_total counter
        regional_metrics_articles_read_total 3.0
        regional_metrics_observations_emitted_total 5.0
        regional_metrics_dlq_records_total{reason="invalid-utf8"} 1.0
        jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
        """);
    var after =
        PrometheusText.parse(
            """
        regional_metrics_articles_read_total 1003.0
        regional_metrics_observations_emitted_total 2005.0
        regional_metrics_dlq_records_total{reason="invalid-utf8"} 1.0
        regional_metrics_dlq_records_total{reason="too-large"} 2.0
        """);
    assertThat(before.articlesRead()).isEqualTo(3.0);
    var delta = after.minus(before);
    assertThat(delta.articlesRead()).isEqualTo(1000.0);
    assertThat(delta.observationsEmitted()).isEqualTo(2000.0);
    assertThat(delta.deadLettersByReason()).isEqualTo(Map.of("too-large", 2.0));
  }
}
