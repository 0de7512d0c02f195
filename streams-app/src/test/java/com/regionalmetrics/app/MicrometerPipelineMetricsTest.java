package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The pipeline meters as Prometheus scrapes them. */
class MicrometerPipelineMetricsTest {

  @Test
  void countersAndTimerAppearInThePrometheusScrape() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);

    // registered eagerly: a scrape before the first article already shows them at 0
    assertThat(registry.scrape()).contains("regional_metrics_articles_read_total 0.0");

    metrics.onArticle();
    metrics.onArticle();
    metrics.onEvents(3);
    metrics.onEvents(0);
    metrics.onDeadLetter("invalid-utf8");
    metrics.onDeadLetter("invalid-utf8");
    metrics.onDeadLetter("too-large");
    metrics.onDeadLetter(null);
    metrics.onExtraction(2_000_000);
    metrics.onSentenceFailure("a1", new IllegalStateException("a rule failed"));

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("regional_metrics_articles_read_total 2.0")
        .contains("regional_metrics_observations_emitted_total 3.0")
        .contains("regional_metrics_dlq_records_total{reason=\"invalid-utf8\"} 2.0")
        .contains("regional_metrics_dlq_records_total{reason=\"too-large\"} 1.0")
        .contains("regional_metrics_dlq_records_total{reason=\"unknown\"} 1.0")
        .contains("regional_metrics_extraction_seconds_count 1")
        .contains("regional_metrics_extraction_seconds_sum 0.002")
        .contains("regional_metrics_extraction_failures_total 1.0");
  }
}
