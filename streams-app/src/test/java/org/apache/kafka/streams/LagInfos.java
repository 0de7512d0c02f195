package org.apache.kafka.streams;

/** LagInfo's constructor is package-private: tests build one here. */
public final class LagInfos {
  private LagInfos() {}

  public static LagInfo of(long currentOffset, long endOffset) {
    return new LagInfo(currentOffset, endOffset);
  }
}
