package com.regionalmetrics.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all RocksDB stores of the JVM (Kafka Streams' documented recipe): a shared
 * LRU block cache that also holds index and filter blocks and is charged for the memtables through
 * a write-buffer manager. Without it every store instance (each store × partition, plus standbys)
 * has its own 50 MB cache and up to three 16 MB memtables, so off-heap memory grew by ~100 MB with
 * every store partition an instance took on.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** Total off-heap bytes for RocksDB, in MiB; a quarter of it may be memtables. */
  public static final String MEMORY_MB = "rocksdb.memory.mb";

  static final long DEFAULT_MB = 256;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object mb = configs.get(MEMORY_MB);
    long bytes = (mb == null ? DEFAULT_MB : Long.parseLong(mb.toString().strip())) << 20;
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(sharedCache(bytes));
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(writeBuffers);
  }

  /** The JVM's cache, made by the first store opened (all instances of a JVM share one budget). */
  private static synchronized Cache sharedCache(long bytes) {
    if (cache == null) {
      cache = new LRUCache(bytes, -1, false, 0.1);
      writeBuffers = new WriteBufferManager(bytes / 4, cache);
    }
    return cache;
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and manager are shared by every store and live as long as the JVM
  }
}
