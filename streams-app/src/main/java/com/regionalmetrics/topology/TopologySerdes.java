package com.regionalmetrics.topology;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.ArticleState;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.PeriodClaims;
import com.regionalmetrics.avro.RegionTotals;
import org.apache.kafka.common.serialization.Serde;

/** The Avro serdes the topology needs, built by the caller from its registry settings. */
public record TopologySerdes(
    Serde<Article> articles,
    Serde<MetricEvent> events,
    Serde<PeriodClaims> claims,
    Serde<ArticleState> articleStates,
    Serde<RegionTotals> regionTotals) {}
