package com.regionalmetrics.app;

import com.regionalmetrics.query.ForwardStages;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToLongFunction;

/**
 * {@link ForwardStages} as Prometheus counters, so a benchmark (or an operator) can split a
 * forwarded read's latency by differences between two scrapes:
 *
 * <pre>
 * forwarded_reads_total                               reads answered through a batch
 * forwarded_reads_stage_seconds_total{stage="queued"}  until a request carries the read
 * forwarded_reads_stage_seconds_total{stage="resume"}  from the answer until the caller runs
 * forwarded_batches_total                             requests sent
 * forwarded_batches_stage_seconds_total{stage="round_trip"}  encode, exchange, parse
 * forwarded_batches_stage_seconds_total{stage="exchange"}    the HTTP exchange alone
 * </pre>
 */
final class ForwardStageMeters {
  private ForwardStageMeters() {}

  static void register(ForwardStages s, MeterRegistry registry) {
    count(registry, "forwarded.reads", s, ForwardStages::reads);
    count(registry, "forwarded.batches", s, ForwardStages::batches);
    seconds(registry, "forwarded.reads.stage", "queued", s, ForwardStages::queuedNanos);
    seconds(registry, "forwarded.reads.stage", "resume", s, ForwardStages::resumeNanos);
    seconds(registry, "forwarded.batches.stage", "round_trip", s, ForwardStages::roundTripNanos);
    seconds(registry, "forwarded.batches.stage", "exchange", s, ForwardStages::exchangeNanos);
  }

  private static void count(
      MeterRegistry registry, String name, ForwardStages s, ToLongFunction<ForwardStages> f) {
    FunctionCounter.builder(name, s, x -> f.applyAsLong(x)).register(registry);
  }

  private static void seconds(
      MeterRegistry registry,
      String name,
      String stage,
      ForwardStages s,
      ToLongFunction<ForwardStages> nanos) {
    FunctionCounter.builder(name, s, x -> nanos.applyAsLong(x) / 1e9)
        .baseUnit("seconds")
        .tag("stage", stage)
        .register(registry);
  }
}
