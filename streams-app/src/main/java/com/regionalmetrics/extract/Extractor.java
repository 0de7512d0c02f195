package com.regionalmetrics.extract;

import com.regionalmetrics.avro.Article;
import java.util.List;

/** Reads the regional statistics an article states. Thread-safe; pure (no I/O after construction). */
public final class Extractor {
  public static final String VERSION = "0.1.0";

  public static Extractor createDefault() {
    return new Extractor();
  }

  public List<Observation> extract(Article article) {
    return List.of();
  }
}
