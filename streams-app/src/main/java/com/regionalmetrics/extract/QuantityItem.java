package com.regionalmetrics.extract;

import com.regionalmetrics.avro.ChangeKind;

/**
 * What the sentence reader decides about one quantity of a sentence. The scanner's {@link Quantity}
 * is read, never written: a unit the reader infers (the to-value of 从3.5亿元增至5亿 takes the
 * from-value's 元) goes to {@link #unit}.
 */
final class QuantityItem {
  final Quantity q;

  /** The quantity's unit, or the one inferred from the from-value of its from→to pair. */
  String unit;

  final int clauseStart;
  String before =
      ""; // text from segment start to the number, without times, thresholds and subjects
  String label = "";
  boolean skip;
  // kind
  boolean change;
  boolean up;
  ChangeKind kind;
  String suffix = ""; // .yoy_pct .pct .abs .pp .rank_change
  // from → to
  boolean fromSide; // X of 从X降至Y
  int fromWordsAt = -1; // where 由设立之初 starts, when the start is described in words
  QuantityItem toOf; // for Y: its X
  // lists
  boolean listMember; // after the head of a list (、 和 及)
  QuantityItem listHead;
  int flatsBefore; // 分别下降5%、持平、上升2%: the 持平 slots (no number) between this member and the one
  // before
  QuantityItem regionFrom; // 分别增长36.1%和29.4%: the level (and so the place) each change belongs to
  Region place; // a member of a list of places (A县、B县分别…): its own place
  Period ownTime; // a member of a list of times (7月、8月分别…): its own period

  QuantityItem(Quantity q, int clauseStart) {
    this.q = q;
    this.unit = q.unit;
    this.clauseStart = clauseStart;
  }

  /**
   * The same figure for another place of a list (A区、B区最低,均为25微克/立方米): keeps the quantity, unit,
   * clause, text, label, skip and change kind; takes {@code place}; does not keep the from→to
   * pairing, the list links or {@link #regionFrom} (a listed place is its own region, and the copy
   * is never a from- or to-value: a shared value is a level).
   */
  QuantityItem copyForPlace(Region place) {
    QuantityItem c = new QuantityItem(q, clauseStart);
    c.unit = unit;
    c.before = before;
    c.label = label;
    c.skip = skip;
    c.change = change;
    c.up = up;
    c.kind = kind;
    c.suffix = suffix;
    c.place = place;
    return c;
  }
}
