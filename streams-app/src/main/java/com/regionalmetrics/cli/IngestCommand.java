package com.regionalmetrics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Sends article files to a running app and reports what became of them. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Posts article files (UTF-8 text) to a running app's HTTP API, then reports what the pipeline made of them.",
      "",
      "DIRs are walked recursively for *.txt and *.md (see --ext); hidden files are skipped. A FILE is taken whatever its name.",
      "Metadata comes from a sidecar next to each article:%n  NAME.meta.json or NAME.txt.meta.json, e.g.%n"
          + "  {\"published\":\"2025-03-10\",\"id\":\"chengde-1\",\"region\":\"承德\",%n"
          + "   \"url\":\"https://…\",\"source\":\"…\",\"title\":\"…\"}",
      "and, for what a sidecar leaves out, from --published/--source/--region. Without an id the app derives one from the content,",
      "so ingesting the same text again changes nothing.",
      "",
      "Progress goes to stderr: a bar on a terminal, log lines otherwise. The summary (stdout) gives accepted and rejected",
      "articles with reasons and, from each article's status (GET /api/articles/{id}), how many the pipeline processed",
      "(with their observations), dead-lettered (with the reasons) or had not processed within --wait seconds.",
      "",
      "Exit status:",
      "  0  every file accepted and processed",
      "  1  some files rejected (not UTF-8, empty, a bad sidecar, the API's 4xx), dead-lettered or still pending",
      "  2  nothing to ingest, bad arguments, or the app unreachable (at the start, or gone part-way: the rest is not sent)"
    })
final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "Article files, or directories to walk")
  List<Path> paths;

  @Option(
      names = "--api",
      defaultValue = "http://127.0.0.1:8080",
      description = "The app's HTTP address (default ${DEFAULT-VALUE})")
  String api;

  @Option(
      names = "--published",
      description =
          "Publication date (YYYY-MM-DD) of articles whose sidecar has none; relative dates such as 去年底 resolve against it")
  String published;

  @Option(
      names = "--id",
      description =
          "Article id (one file only; default: the sidecar's, else derived from the content)")
  String id;

  @Option(
      names = "--source",
      description = "Source of articles whose sidecar has none (default: the file's path)")
  String source;

  @Option(
      names = "--region",
      description = "Region the articles are about, when their sidecar does not say")
  String region;

  @Option(
      names = "--ext",
      split = ",",
      defaultValue = "txt,md",
      description = "Extensions taken from directories (default ${DEFAULT-VALUE})")
  List<String> extensions;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      description = "Requests in flight (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--progress",
      defaultValue = "auto",
      description = "auto (a bar on a terminal, else lines), bar, lines or none")
  String progressMode;

  @Option(
      names = "--wait",
      defaultValue = "60",
      description =
          "Seconds to wait for the pipeline to process the articles before the summary; 0: don't (default ${DEFAULT-VALUE})")
  int waitSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<String> exts =
        extensions.stream()
            .map(e -> e.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    List<Path> files;
    try {
      files = ArticleFiles.find(paths, exts);
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    if (files.isEmpty()) {
      err.println(
          "error: no article files ("
              + exts.stream().map(e -> "*." + e).collect(Collectors.joining(", "))
              + ") under "
              + paths.stream().map(Path::toString).collect(Collectors.joining(" ")));
      return 2;
    }
    if (id != null && files.size() > 1) {
      err.println("error: --id names one article, but " + files.size() + " files were given");
      return 2;
    }
    ApiClient client = new ApiClient(api);
    try {
      client.checkReachable();
    } catch (ApiClient.ApiException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    ArticleFiles.Meta defaults = new ArticleFiles.Meta(published, id, null, source, null, region);
    Progress progress = Progress.create(progressMode, files.size(), err);
    long started = System.nanoTime();
    Map<String, List<Path>> rejections = new TreeMap<>();
    Map<Path, String> acceptedIds = new LinkedHashMap<>();
    AtomicReference<String> gone = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, 64)));
    try {
      List<Future<Posted>> results = new ArrayList<>();
      for (Path file : files) {
        results.add(
            pool.submit(
                () -> {
                  if (gone.get() != null) {
                    return null; // the app is gone: the rest is not sent
                  }
                  Posted posted = post(client, file, defaults, gone);
                  if (posted == null) {
                    return null;
                  }
                  if (posted.rejection() == null) {
                    progress.accepted();
                  } else {
                    progress.rejected(file.toString(), posted.rejection());
                  }
                  return posted;
                }));
      }
      for (int i = 0; i < files.size(); i++) {
        Posted posted = results.get(i).get();
        if (posted == null) {
          continue;
        }
        if (posted.rejection() == null) {
          acceptedIds.put(files.get(i), posted.id());
        } else {
          rejections.computeIfAbsent(posted.rejection(), r -> new ArrayList<>()).add(files.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    progress.finish();
    double seconds = (System.nanoTime() - started) / 1e9;
    int accepted = acceptedIds.size();
    int sent = accepted + rejections.values().stream().mapToInt(List::size).sum();

    out.printf(
        Locale.ROOT,
        "Ingested %d file%s in %.1f s (%.1f articles/s)%n",
        sent,
        sent == 1 ? "" : "s",
        seconds,
        seconds > 0 ? sent / seconds : 0.0);
    out.printf(Locale.ROOT, "  accepted  %d%n", accepted);
    out.printf(Locale.ROOT, "  rejected  %d%n", sent - accepted);
    rejections.entrySet().stream()
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT,
                    "    %4d  %s  (%s)%n",
                    e.getValue().size(),
                    e.getKey(),
                    examples(e.getValue())));
    if (gone.get() != null) {
      out.flush();
      err.println(
          "error: the app at "
              + client.api()
              + " stopped answering after "
              + sent
              + " of "
              + files.size()
              + " files ("
              + gone.get()
              + "); the rest was not sent");
      return 2;
    }
    boolean settled = true;
    if (waitSeconds > 0 && accepted > 0) {
      ArticleOutcomes outcomes =
          ArticleOutcomes.await(
              client, acceptedIds, Duration.ofSeconds(waitSeconds), concurrency, err);
      out.println("  pipeline  " + outcomes.summary());
      if (outcomes.appGone() != null) {
        err.println(
            "error: the app at "
                + client.api()
                + " stopped answering while the articles were processed ("
                + outcomes.appGone()
                + ")");
        return 2;
      }
      settled = outcomes.allProcessed();
    }
    out.flush();
    return rejections.isEmpty() && settled ? 0 : 1;
  }

  /** What the API said to one file: its article id, or why it was not accepted. */
  record Posted(String id, String rejection) {}

  /** The API's answer for one file; null when the app is gone (and gone says why). */
  private Posted post(
      ApiClient client, Path file, ArticleFiles.Meta defaults, AtomicReference<String> gone)
      throws InterruptedException {
    ArticleFiles.Article article = ArticleFiles.read(file, defaults);
    if (article.rejection() != null) {
      return new Posted(null, article.rejection());
    }
    ArticleFiles.Meta m = article.meta();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("text", article.text());
    body.put("id", m.id());
    body.put("published", m.published());
    body.put("source", m.source() != null ? m.source() : file.toString());
    body.put("url", m.url());
    body.put("title", m.title());
    body.put("region", m.region());
    try {
      return new Posted(client.postArticle(body).path("id").asText(), null);
    } catch (ApiClient.ApiException e) {
      if (e.status == 503) {
        gone.compareAndSet(null, "503: " + e.getMessage());
        return null;
      }
      return new Posted(null, e.getMessage() + (e.status == 0 ? "" : " (HTTP " + e.status + ")"));
    } catch (IOException e) {
      gone.compareAndSet(
          null,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return null;
    }
  }

  private static String examples(List<Path> files) {
    String shown = files.stream().limit(3).map(Path::toString).collect(Collectors.joining(", "));
    return files.size() > 3 ? shown + ", …" : shown;
  }
}
