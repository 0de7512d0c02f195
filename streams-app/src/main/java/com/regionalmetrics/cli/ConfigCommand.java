package com.regionalmetrics.cli;

import com.regionalmetrics.app.AppConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the app's own configuration keys, from their definitions, as a Markdown table. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the app's configuration keys with type, default and meaning (a Markdown table).",
      "Set them in a properties file (--config), as RM_ environment variables (RM_HTTP_PORT) or as run's flags.",
      "Any other key is passed to Kafka Streams, its clients and the serdes unchanged."
    })
final class ConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("| key | type | default | meaning |");
    out.println("|---|---|---|---|");
    for (ConfigDef.ConfigKey k : AppConfig.DEFINITION.configKeys().values()) {
      String dflt =
          k.defaultValue == null || "".equals(k.defaultValue)
              ? "(none)"
              : String.valueOf(k.defaultValue);
      out.println(
          "| `"
              + k.name
              + "` | "
              + k.type.name().toLowerCase()
              + " | `"
              + dflt
              + "` | "
              + k.documentation
              + (k.validator == null ? "" : " (" + k.validator + ")")
              + " |");
    }
    out.flush();
    return 0;
  }
}
