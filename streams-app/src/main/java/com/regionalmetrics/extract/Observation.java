package com.regionalmetrics.extract;

import com.regionalmetrics.avro.Change;
import com.regionalmetrics.avro.Qualifier;

/**
 * One number an article states about an indicator of a region at a time.
 *
 * @param region canonical short simplified name (张家口, 涿鹿县, 河北, 全国)
 * @param regionCode GB/T 2260 code, or null for groupings without one
 * @param indicator the series: a {@link MeasureId} {@code base[subject].kind@window}
 *     (air.good_days@month, transport.travel_time[张家口—北京北站]); base is a catalog id or a derived x.
 *     id
 * @param indicatorLabel what is measured, as the article names it, simplified
 * @param value value in the canonical unit
 * @param unit canonical unit (kW, CNY, μg/m³, PFLOPS, count, %, pp, min, ...)
 * @param rawText the quantity as written (2.91万P)
 * @param qualifier EXACT, OVER, UNDER or APPROX
 * @param period the period the value refers to, or null when unknown
 * @param change non-null when the number is a change (同比增长 x%), not a level
 * @param evidence the sentence the value was read from (normalised text)
 */
public record Observation(
    String region,
    String regionCode,
    String indicator,
    String indicatorLabel,
    double value,
    String unit,
    String rawText,
    Qualifier qualifier,
    Period period,
    Change change,
    String evidence) {}
