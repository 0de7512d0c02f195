package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One sentence being read: its text, what was found in it, and the items the phases decide on. */
final class SentenceScope {
  final SentenceSplitter.Sentence sentence;

  /** The sentence text (normalised). */
  final String s;

  final List<RegionMention> mentions;
  final List<TimeResolver.TimeExpr> times;
  final List<RegionResolver.Subject> subjects;

  /** Characters inside time expressions. */
  final boolean[] timeMask;

  /** One per quantity, in order; 均为 lists insert copies. */
  final List<QuantityItem> items = new ArrayList<>();

  /** The items read as levels (not changes, not ranks), in order. */
  final List<QuantityItem> levels = new ArrayList<>();

  /** The last level label of the sentence so far and its unit. */
  String lastLevelLabel;

  String lastLevelUnit;

  /** 全省/全市 resolved in this sentence: the paragraph's region afterwards. */
  Region scopeRegion;

  /**
   * Starts of mentions that are members of a place list: not the paragraph's subject afterwards.
   */
  final Set<Integer> listedPlaces = new HashSet<>();

  SentenceScope(
      SentenceSplitter.Sentence sentence,
      List<RegionMention> mentions,
      List<TimeResolver.TimeExpr> times,
      List<RegionResolver.Subject> subjects) {
    this.sentence = sentence;
    this.s = sentence.text();
    this.mentions = mentions;
    this.times = times;
    this.subjects = subjects;
    this.timeMask = ClauseText.mask(s, times);
  }
}
