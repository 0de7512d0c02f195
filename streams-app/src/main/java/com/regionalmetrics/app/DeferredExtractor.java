package com.regionalmetrics.app;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default extractor, its dictionaries (gazetteer, catalog, units: ~1.3 CPU-s with the JIT work
 * they cause) loaded when first needed or once the app is ready, whichever comes first. Neither a
 * clean start nor a restart extracts anything before /ready, so on two cores loading them (and the
 * warm-up sentence, another ~1.2 CPU-s) beside the broker start only delayed ready.
 */
final class DeferredExtractor implements Function<Article, List<Observation>> {
  private static final Logger LOG = LoggerFactory.getLogger(DeferredExtractor.class);

  private final Extractor.Listener listener;
  private volatile Extractor extractor;

  DeferredExtractor(Extractor.Listener listener) {
    this.listener = listener;
  }

  @Override
  public List<Observation> apply(Article article) {
    return get().extract(article);
  }

  /** The extractor, loaded now by this thread if no other thread has loaded it yet. */
  Extractor get() {
    Extractor e = extractor;
    if (e == null) {
      synchronized (this) {
        e = extractor;
        if (e == null) {
          e = Extractor.createDefault().withListener(listener);
          extractor = e;
        }
      }
    }
    return e;
  }

  /**
   * Loads and warms it up on a background thread, so that the first article does not pay for the
   * dictionaries and cold code; a failure is logged here and fails the first article again.
   */
  void loadInBackground() {
    Thread loader =
        new Thread(
            () -> {
              try {
                get();
                Extractor.warmedUp(); // the default instance: the same dictionaries
              } catch (RuntimeException | ExceptionInInitializerError e) {
                LOG.error("Loading the extractor's dictionaries failed", e);
              }
            },
            "extractor-load");
    loader.setDaemon(true);
    loader.setPriority(Thread.MIN_PRIORITY);
    loader.start();
  }
}
