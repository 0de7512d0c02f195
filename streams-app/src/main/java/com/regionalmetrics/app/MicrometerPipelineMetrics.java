package com.regionalmetrics.app;

import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.topology.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link PipelineMetrics} as Micrometer meters. In Prometheus format:
 *
 * <pre>
 * regional_metrics_articles_read_total
 * regional_metrics_observations_emitted_total
 * regional_metrics_dlq_records_total{reason="invalid-utf8"}
 * regional_metrics_extraction_seconds_count / _sum / _max
 * regional_metrics_extraction_failures_total   (sentences the extractor failed on and skipped)
 * </pre>
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics, Extractor.Listener {
  static final String ARTICLES = "regional.metrics.articles.read";
  static final String OBSERVATIONS = "regional.metrics.observations.emitted";
  static final String DLQ = "regional.metrics.dlq.records";
  static final String EXTRACTION = "regional.metrics.extraction";
  static final String FAILURES = "regional.metrics.extraction.failures";

  private final MeterRegistry registry;
  private final Counter articles;
  private final Counter observations;
  private final Timer extraction;
  private final Counter failures;
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

  public MicrometerPipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    articles =
        Counter.builder(ARTICLES)
            .description("Articles read by the extract step")
            .register(registry);
    observations =
        Counter.builder(OBSERVATIONS)
            .description("Metric events emitted to metric-events")
            .register(registry);
    extraction =
        Timer.builder(EXTRACTION)
            .description("Time the extractor takes per article")
            .register(registry);
    failures =
        Counter.builder(FAILURES)
            .description("Sentences the extractor failed on and skipped (logged per article)")
            .register(registry);
  }

  @Override
  public void onSentenceFailure(String articleId, Throwable failure) {
    failures.increment();
  }

  @Override
  public void onArticle() {
    articles.increment();
  }

  @Override
  public void onEvents(int count) {
    if (count > 0) {
      observations.increment(count);
    }
  }

  @Override
  public void onDeadLetter(String reason) {
    String tag = reason == null || reason.isBlank() ? "unknown" : reason;
    deadLetters
        .computeIfAbsent(
            tag,
            r ->
                Counter.builder(DLQ)
                    .description("Records sent to the dead-letter topic, by reason")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  @Override
  public void onExtraction(long nanos) {
    extraction.record(nanos, TimeUnit.NANOSECONDS);
  }
}
