package com.regionalmetrics.app;

import com.regionalmetrics.serde.AvroSerdeConfig;
import com.regionalmetrics.serde.SchemaRegistryClient;
import com.regionalmetrics.serde.SchemaRegistryClients;
import com.regionalmetrics.serde.SchemaRegistryException;
import com.regionalmetrics.serde.SubjectNameStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Checks or registers, in the configured Schema Registry, every schema the app writes ({@link
 * SchemaInventory}) under the configured value.subject.name.strategy and topics.prefix: for
 * registries where {@code auto.register.schemas=false}.
 */
public final class SchemaRegistration {
  private SchemaRegistration() {}

  /** Where each schema stands; changes nothing. */
  public static List<SchemaStatus> check(AppConfig config) {
    return run(config, SchemaRegistration::check);
  }

  /** Registers each schema that is not registered yet (the registry may refuse: REJECTED). */
  public static List<SchemaStatus> register(AppConfig config) {
    return run(config, SchemaRegistration::register);
  }

  /**
   * At start with auto.register.schemas=false: stops the app, naming every subject that lacks its
   * schema, instead of failing on the first record.
   */
  static void requireRegistered(AppConfig config) {
    List<SchemaStatus> statuses = check(config);
    List<SchemaStatus> bad = statuses.stream().filter(s -> !s.ok()).toList();
    if (!bad.isEmpty()) {
      throw new IllegalStateException(
          "auto.register.schemas=false but "
              + bad.size()
              + " of the "
              + statuses.size()
              + " schemas the app writes are not registered and compatible: "
              + bad.stream()
                  .map(s -> s.subject() + " (" + s.record() + ": " + s.state() + ")")
                  .collect(Collectors.joining(", "))
              + ". Register them (regional-metrics schemas register, same configuration) or let"
              + " the app register them (auto.register.schemas=true).");
    }
  }

  private static List<SchemaStatus> run(
      AppConfig config, BiFunction<SchemaRegistryClient, Subject, SchemaStatus> action) {
    Map<String, Object> kafka = config.kafkaProperties();
    if (config.get(AppConfig.SCHEMA_REGISTRY_URL).isEmpty()) {
      throw new IllegalArgumentException(
          "schema.registry.url is not set: give the registry the app uses (--schema-registry-url"
              + " or RM_SCHEMA_REGISTRY_URL)");
    }
    List<Subject> subjects =
        subjects(
            SchemaInventory.of(config.topicNames(), config.require(AppConfig.APPLICATION_ID)),
            new AvroSerdeConfig(kafka).subjectNameStrategy(false));
    List<SchemaStatus> out = new ArrayList<>();
    try (SchemaRegistryClient client = SchemaRegistryClients.fromConfig(kafka)) {
      subjects.forEach(s -> out.add(action.apply(client, s)));
    }
    return out;
  }

  /** One subject and the schema the app writes under it, from one or more topics. */
  record Subject(String name, Schema schema, List<String> topics) {}

  /** Grouped by subject: under RecordNameStrategy one subject serves several topics. */
  static List<Subject> subjects(
      List<SchemaInventory.Written> written, SubjectNameStrategy strategy) {
    Map<String, Subject> bySubject = new LinkedHashMap<>();
    for (SchemaInventory.Written w : written) {
      String name = strategy.subject(w.topic(), false, w.schema());
      Subject previous = bySubject.get(name);
      List<String> topics = new ArrayList<>(previous == null ? List.of() : previous.topics());
      topics.add(w.topic());
      if (previous != null && !previous.schema().equals(w.schema())) {
        throw new IllegalStateException(
            "subject " + name + " would hold two record types; use another subject name strategy");
      }
      bySubject.put(name, new Subject(name, w.schema(), List.copyOf(topics)));
    }
    return List.copyOf(bySubject.values());
  }

  private static SchemaStatus check(SchemaRegistryClient client, Subject s) {
    try {
      int id = client.lookupId(s.name(), s.schema());
      return status(
          s, id, client.isCompatible(s.name(), s.schema()), SchemaStatus.State.REGISTERED);
    } catch (SchemaRegistryException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
        return status(s, null, true, SchemaStatus.State.MISSING_SUBJECT);
      }
      return status(
          s, null, client.isCompatible(s.name(), s.schema()), SchemaStatus.State.MISSING_VERSION);
    }
  }

  private static SchemaStatus register(SchemaRegistryClient client, Subject s) {
    SchemaStatus before = check(client, s);
    if (before.id() != null) {
      return before;
    }
    try {
      return status(
          s, client.register(s.name(), s.schema()), true, SchemaStatus.State.NEWLY_REGISTERED);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.INCOMPATIBLE_SCHEMA) {
        return status(s, null, false, SchemaStatus.State.REJECTED);
      }
      throw e;
    }
  }

  private static SchemaStatus status(
      Subject s, Integer id, boolean compatible, SchemaStatus.State state) {
    return new SchemaStatus(s.name(), s.topics(), s.schema().getFullName(), id, compatible, state);
  }
}
