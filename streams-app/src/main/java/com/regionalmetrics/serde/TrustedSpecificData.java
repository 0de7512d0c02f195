package com.regionalmetrics.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.FastReaderBuilder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro 1.12's class-security check refuses to load generated classes outside its built-in
 * allow-list unless a JVM-wide system property names their packages. Rather than loosen that for
 * the whole JVM, this model resolves named schemas itself and accepts only Avro generated types
 * (SpecificRecord, generated enums, SpecificFixed) — which is exactly what a writer schema may
 * legitimately name. Anything else is read generically. It carries the logical-type conversions of
 * the generated class it was made for (e.g. Instant for timestamp-millis).
 */
final class TrustedSpecificData extends SpecificData {

  private static final Map<Class<?>, TrustedSpecificData> BY_CLASS = new ConcurrentHashMap<>();

  private final Map<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
  private final Map<String, Optional<Class<?>>> byFullName = new ConcurrentHashMap<>();

  private TrustedSpecificData(ClassLoader loader) {
    super(loader);
  }

  /**
   * Avro's fast reader for this writer/reader schema pair: a read plan built once instead of the
   * resolving decoder's per-datum interpretation. Built here because {@code
   * setFastReaderEnabled(true)} has no effect on a subclass (Avro's {@code isSupportedData} accepts
   * only GenericData and SpecificData themselves), so readers made from this model fell back to the
   * resolving reader without a word.
   */
  <T> DatumReader<T> fastReader(Schema writer, Schema reader) {
    try {
      return new FastReaderBuilder(this).createDatumReader(writer, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("no read plan for " + writer.getFullName(), e);
    }
  }

  /** The model for records of this generated class. */
  static TrustedSpecificData forClass(Class<?> type) {
    return BY_CLASS.computeIfAbsent(
        type,
        t -> {
          TrustedSpecificData data = new TrustedSpecificData(t.getClassLoader());
          for (Conversion<?> c : SpecificData.getForClass(t).getConversions()) {
            data.addLogicalTypeConversion(c);
          }
          return data;
        });
  }

  /** The generated SpecificRecord class named by a record schema, if on the classpath. */
  static Optional<Class<?>> recordClass(Schema schema, ClassLoader loader) {
    if (schema.getType() != Schema.Type.RECORD) return Optional.empty();
    return load(SpecificData.getClassName(schema), loader)
        .filter(SpecificRecord.class::isAssignableFrom);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class getClass(Schema schema) {
    switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> {
        // keyed by the full name, from which the class name is derived (mangling it is costly,
        // and Avro asks for every record and enum it reads)
        Optional<Class<?>> c = byFullName.get(schema.getFullName());
        if (c == null) {
          c =
              classes.computeIfAbsent(
                  SpecificData.getClassName(schema), n -> load(n, getClassLoader()));
          byFullName.putIfAbsent(schema.getFullName(), c);
        }
        return c.orElse(null); // null: Avro falls back to a generic record/enum
      }
      default -> {
        return super.getClass(schema);
      }
    }
  }

  private static Optional<Class<?>> load(String name, ClassLoader loader) {
    try {
      Class<?> c = Class.forName(name, false, loader); // not initialized until trusted
      boolean generated =
          SpecificRecord.class.isAssignableFrom(c)
              || (c.isEnum() && GenericEnumSymbol.class.isAssignableFrom(c))
              || SpecificFixed.class.isAssignableFrom(c);
      return generated ? Optional.of(c) : Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
