package com.regionalmetrics.topology;

import com.regionalmetrics.avro.MetricEvent;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/**
 * metric-events -> indicator-history (every version by observation time) and, only when the
 * record is the newest by observation time, indicator-latest and indicator-changes. A late
 * record about an older period slots into the history without touching "latest"; a second value
 * for the same period replaces the first (a revision).
 */
final class IndicatorIndexProcessor implements Processor<String, MetricEvent, String, MetricEvent> {
  static final String CHANGES_SINK = "indicator-changes-sink";

  private ProcessorContext<String, MetricEvent> context;
  private VersionedKeyValueStore<String, MetricEvent> history;
  private KeyValueStore<String, MetricEvent> latest;

  @Override
  public void init(ProcessorContext<String, MetricEvent> context) {
    this.context = context;
    this.history = context.getStateStore(StoreNames.INDICATOR_HISTORY);
    this.latest = context.getStateStore(StoreNames.INDICATOR_LATEST);
  }

  @Override
  public void process(Record<String, MetricEvent> record) {
    if (record.key() == null || record.value() == null) {
      return; // metric-events is written by us only; nothing to index
    }
    long validTo = history.put(record.key(), record.value(), record.timestamp());
    if (validTo != VersionedKeyValueStore.PUT_RETURN_CODE_VALID_TO_UNDEFINED) {
      return; // an older period (or expired): history only
    }
    MetricEvent previous = latest.get(record.key());
    if (previous != null && sameValue(previous, record.value())) {
      return; // re-stated, not changed
    }
    latest.put(record.key(), record.value());
    context.forward(record, CHANGES_SINK);
  }

  private static boolean sameValue(MetricEvent a, MetricEvent b) {
    return a.getValue() == b.getValue()
        && Objects.equals(a.getUnit(), b.getUnit())
        && Objects.equals(a.getPeriod(), b.getPeriod())
        && a.getQualifier() == b.getQualifier()
        && a.getObservedAt().equals(b.getObservedAt());
  }
}
