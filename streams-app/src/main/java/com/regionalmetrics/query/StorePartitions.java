package com.regionalmetrics.query;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a store key, as the producer put it there: metric-events is written with the
 * default partitioner (murmur2 of the UTF-8 key), so an instance can tell without asking the
 * cluster which candidate keys its partitions hold.
 */
final class StorePartitions {
  private StorePartitions() {}

  static int of(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
