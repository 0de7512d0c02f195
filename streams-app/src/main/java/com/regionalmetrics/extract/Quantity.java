package com.regionalmetrics.extract;

import com.regionalmetrics.avro.Qualifier;

/** A number with its unit as found in one sentence, before it is attributed to an indicator. */
final class Quantity {
  int start; // first character (number, or 第 of a rank)
  int end; // after unit and trailing qualifiers
  double value; // in the canonical unit
  String unit; // canonical unit, null for a bare number
  UnitTable.Unit unitEntry;
  String raw;
  Qualifier qualifier = Qualifier.EXACT;
  boolean threshold; // 35蒸吨以下锅炉: a qualifier of something else, not a statement
  boolean namePart; // 0-14岁人口, 60岁及以上人口: part of what is measured, kept in its label
  boolean hasMagnitude;
  boolean rank; // 第9位
  boolean rankChange; // 进位14位
  boolean rankUp = true;
  boolean chineseNumeral;
  double numberValue; // as written, magnitude applied, before the unit factor

  boolean bare() {
    return unit == null;
  }

  @Override
  public String toString() {
    return raw + "=" + value + " " + unit + " " + qualifier + (threshold ? " threshold" : "");
  }
}
