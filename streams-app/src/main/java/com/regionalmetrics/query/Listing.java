package com.regionalmetrics.query;

import java.util.List;

/**
 * A merged answer from all instances. partial is true when some partitions could not be read (an
 * instance down and no standby): the listing says so instead of silently dropping data.
 */
public record Listing<T>(
    List<T> items, boolean partial, List<Integer> missingPartitions, String nextCursor) {}
