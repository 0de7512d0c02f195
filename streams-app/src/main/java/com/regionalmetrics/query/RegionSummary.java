package com.regionalmetrics.query;

/** A region that has indicators, with how many and when the newest value refers to. */
public record RegionSummary(
    String region, String regionCode, int indicators, String latestObservedAt) {}
