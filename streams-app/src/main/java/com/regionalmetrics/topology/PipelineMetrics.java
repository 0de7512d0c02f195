package com.regionalmetrics.topology;

/**
 * What the pipeline reports as it runs, for operators' metrics. The topology only calls it; the app
 * implements it (with Micrometer). Implementations must be thread-safe and cheap: they are called
 * on stream threads for every record.
 */
public interface PipelineMetrics {

  /** An article was read (deserialized) by the extract step. */
  void onArticle();

  /** The extract step emitted {@code count} metric events for one article. */
  void onEvents(int count);

  /** A record went to the dead-letter topic with this reason (the dlq.reason header). */
  void onDeadLetter(String reason);

  /** The extractor took this long on one article. */
  void onExtraction(long nanos);

  /** Reports nothing. */
  PipelineMetrics NOOP =
      new PipelineMetrics() {
        @Override
        public void onArticle() {}

        @Override
        public void onEvents(int count) {}

        @Override
        public void onDeadLetter(String reason) {}

        @Override
        public void onExtraction(long nanos) {}
      };
}
