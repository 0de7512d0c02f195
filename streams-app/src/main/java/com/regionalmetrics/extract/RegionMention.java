package com.regionalmetrics.extract;

/** A region named in a text, at [start, end). */
public record RegionMention(Region region, int start, int end) {}
