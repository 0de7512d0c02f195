package com.regionalmetrics.cli;

import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.SchemaRegistration;
import com.regionalmetrics.app.SchemaStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemas check|register}: the schemas the app writes, for registries where schemas are not
 * registered by clients (auto.register.schemas=false). Same configuration as {@code run}
 * (topics.prefix, application.id, value.subject.name.strategy, basic.auth.*).
 */
@Command(
    name = "schemas",
    mixinStandardHelpOptions = true,
    description = {
      "Checks or registers every Avro schema the app writes (its topics and its stores' changelogs)",
      "under the configured subject name strategy and topic prefix: for auto.register.schemas=false.",
      "Exit code 0 when every schema is registered and compatible, 1 otherwise."
    },
    subcommands = {SchemasCommand.Check.class, SchemasCommand.Register.class})
final class SchemasCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options both subcommands take. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--schema-registry-url",
        description = "Confluent-compatible Schema Registry (env RM_SCHEMA_REGISTRY_URL)")
    String schemaRegistryUrl;

    @Option(
        names = "--config",
        description = "Properties file, as for run (app keys and any Kafka/serde key)")
    Path configFile;

    abstract List<SchemaStatus> apply(AppConfig config);

    @Override
    public Integer call() {
      Map<String, String> flags = new HashMap<>();
      flags.put(AppConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
      AppConfig config = AppConfig.load(configFile, System.getenv(), flags);
      List<SchemaStatus> statuses = apply(config);
      TextTable table =
          new TextTable("SUBJECT", "RECORD", "TOPICS", ">ID", "COMPATIBLE", "STATE", "RESULT");
      for (SchemaStatus s : statuses) {
        table.row(
            s.subject(),
            s.record(),
            String.join(",", s.topics()),
            s.id() == null ? "-" : s.id(),
            s.compatible() ? "yes" : "NO",
            s.state(),
            s.ok() ? "ok" : "FAIL");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(table.render());
      long bad = statuses.stream().filter(s -> !s.ok()).count();
      out.println(
          bad == 0
              ? statuses.size() + " subjects: all registered and compatible"
              : bad + " of " + statuses.size() + " subjects not registered or not compatible");
      out.flush();
      return bad == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Checks that each schema is registered under its subject and compatible.")
  static final class Check extends Base {
    @Override
    List<SchemaStatus> apply(AppConfig config) {
      return SchemaRegistration.check(config);
    }
  }

  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description =
          "Registers each schema that is not registered yet (the registry checks compatibility).")
  static final class Register extends Base {
    @Override
    List<SchemaStatus> apply(AppConfig config) {
      return SchemaRegistration.register(config);
    }
  }
}
