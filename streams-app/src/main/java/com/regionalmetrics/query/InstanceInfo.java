package com.regionalmetrics.query;

import java.util.List;
import java.util.Map;

/**
 * One instance of the job as operators see it.
 *
 * @param lag per partition of the history store hosted there: offset lag of its changelog (when
 *     known)
 */
public record InstanceInfo(
    String host,
    boolean self,
    String state,
    List<Integer> activePartitions,
    List<Integer> standbyPartitions,
    Map<Integer, Long> lag,
    String error) {}
