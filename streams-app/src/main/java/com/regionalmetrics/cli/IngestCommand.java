package com.regionalmetrics.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends article files to a running app. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Posts article files (UTF-8 text) to a running app's HTTP API.")
final class IngestCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article text files")
  List<Path> files;

  @Option(names = "--api", defaultValue = "http://127.0.0.1:8080", description = "The app's HTTP address (default ${DEFAULT-VALUE})")
  String api;

  @Option(names = "--published", description = "Publication date, YYYY-MM-DD (relative dates such as 去年底 resolve against it)")
  String published;

  @Option(names = "--id", description = "Article id (one file only; default: derived from the content)")
  String id;

  @Override
  public Integer call() throws Exception {
    int failed = new ArticlePoster(api).postAll(files, published, id, System.out);
    return failed == 0 ? 0 : 1;
  }
}
