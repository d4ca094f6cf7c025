#include "context/attribution.h"

#include "model/event.h"

namespace dyad::context {

namespace {

constexpr std::string_view kSpeechVerbs[] = {"say", "report", "tell", "announce", "state", "claim", "add",
                                             "confirm", "allege", "declare", "write", "quote", "explain",
                                             "note", "insist", "accuse", "deny", "acknowledge", "admit",
                                             "warn", "tweet", "post"};

bool IsSpeechVerb(const DepTree& tree, uint32_t t) {
  return (tree.Upos(t) == "VERB" || tree.Upos(t) == "AUX") && IsOneOf(tree.Lemma(t), kSpeechVerbs);
}

// The phrase headed by `head`: to the left, its modifiers up to a comma or bracket (taken by word
// class, as parsers often attach "the Pakistani" of "the Pakistani military said" elsewhere); to
// the right, up to the first comma or bracket (an apposition or relative clause is not part of
// the reporter's name).
void PhraseOf(const DepTree& tree, uint32_t head, Attribution* out) {
  static constexpr std::string_view kModifierTags[] = {"det", "adj", "propn", "noun", "num", "part"};
  auto [lo, hi] = tree.Subtree(head);
  uint32_t b = head, e = head + 1;
  while (b > lo && tree.Form(b - 1) != "," && tree.Form(b - 1) != "(") --b;
  while (b > 0 && IsOneOf(tree.Upos(b - 1), kModifierTags) && tree.DeprelBase(b - 1) != "case" &&
         !(tree.head(b - 1) >= 0 && static_cast<uint32_t>(tree.head(b - 1)) > hi)) {
    --b;
  }
  while (e < hi && tree.Form(e) != "," && tree.Form(e) != "(") ++e;
  // A leading preposition ("according to officials") is not the reporter.
  while (b < head && (tree.DeprelBase(b) == "case" || tree.DeprelBase(b) == "fixed")) ++b;
  out->begin = b;
  out->end = e;
}

bool SubjectOf(const DepTree& tree, uint32_t speech, Attribution* out) {
  int s = tree.Child(speech, "nsubj");
  if (s < 0) return false;
  PhraseOf(tree, static_cast<uint32_t>(s), out);
  return true;
}

}  // namespace

bool FindAttribution(const DepTree& tree, uint32_t verb, Attribution* out) {
  // Up from the verb through the clauses that share its report: "Iraq said Iran had agreed to
  // sign", "Iran signed ... and pledged ..., IRNA reported".
  uint32_t cur = verb;
  for (int steps = 0; steps < 16; ++steps) {
    for (uint32_t c : tree.Children(cur)) {
      // "..., IRNA reported" as a parenthetical, or parsed as a coordinated verb after a comma.
      std::string_view rel = tree.DeprelBase(c);
      const bool trailing = rel == "parataxis" || (rel == "conj" && c > cur && tree.Child(c, "cc") < 0);
      if (trailing && IsSpeechVerb(tree, c) && SubjectOf(tree, c, out)) {
        out->complement = false;
        return true;
      }
    }
    const int h = tree.head(cur);
    if (h < 0) break;
    std::string_view rel = tree.DeprelBase(cur);
    if ((rel == "ccomp" || rel == "parataxis") && IsSpeechVerb(tree, h) && SubjectOf(tree, h, out)) {
      // "Iraq said Iran attacked" reports a claim; "Iran signed the accord, IRNA reported", often
      // parsed with the report as the root, is the wire's sourcing of its own story.
      out->complement = rel == "ccomp" && static_cast<uint32_t>(h) < cur;
      return true;
    }
    if (rel != "xcomp" && rel != "conj" && rel != "ccomp" && rel != "advcl" && rel != "amod") break;
    cur = static_cast<uint32_t>(h);
  }
  // "according to officials": the nominal that "according" introduces.
  for (uint32_t t = 0; t + 1 < tree.size(); ++t) {
    if (!EqualsLower(tree.Form(t), "according") || !EqualsLower(tree.Form(t + 1), "to")) continue;
    int h = tree.head(t);
    if (tree.DeprelBase(t) != "case" || h < 0) {
      // A parse that makes "according" a verb: its object or oblique is the source.
      h = -1;
      for (uint32_t c : tree.Children(t)) {
        if (tree.DeprelBase(c) == "obl" || tree.DeprelBase(c) == "obj") h = static_cast<int>(c);
      }
      if (h < 0) continue;
    }
    PhraseOf(tree, static_cast<uint32_t>(h), out);
    out->complement = false;
    return out->end > out->begin;
  }
  // The wire's closing ", the official news agency IRNA said." by its surface form, for parses
  // that attach it elsewhere: the words between the last comma and a sentence-final speech verb.
  uint32_t last = static_cast<uint32_t>(tree.size());
  while (last > 0 && tree.Upos(last - 1) == "PUNCT") --last;
  if (last < 3 || !IsSpeechVerb(tree, last - 1)) return false;
  uint32_t comma = last - 1;
  while (comma > 0 && tree.Form(comma - 1) != ",") --comma;
  if (comma == 0 || comma + 1 >= last - 1 || comma < verb) return false;
  out->begin = comma;
  out->end = last - 1;
  out->complement = false;
  return true;
}

uint8_t VerbModality(const DepTree& tree, uint32_t verb) {
  static constexpr std::string_view kNegations[] = {"not", "n't", "never"};
  static constexpr std::string_view kFutureAux[] = {"will", "shall", "'ll", "wo"};
  static constexpr std::string_view kHypotheticalAux[] = {"would", "could", "might", "may", "should", "'d"};
  static constexpr std::string_view kFutureGovernors[] = {"plan", "intend", "expect", "schedule", "prepare",
                                                          "aim", "set", "due"};
  static constexpr std::string_view kConditions[] = {"if", "unless"};
  uint8_t flags = model::kModalityNone;
  uint32_t cur = verb;
  for (int steps = 0; steps < 16; ++steps) {
    for (uint32_t c : tree.Children(cur)) {
      std::string_view rel = tree.DeprelBase(c);
      std::string_view f = tree.Form(c);
      if ((rel == "advmod" || rel == "neg") && IsOneOf(f, kNegations)) flags |= model::kModalityNegated;
      if (rel == "aux" && IsOneOf(f, kFutureAux)) flags |= model::kModalityFuture;
      if (rel == "aux" && IsOneOf(f, kHypotheticalAux)) flags |= model::kModalityHypothetical;
      if (rel == "mark" && IsOneOf(f, kConditions)) flags |= model::kModalityHypothetical;
    }
    const int h = tree.head(cur);
    std::string_view rel = tree.DeprelBase(cur);
    if (h < 0 || (rel != "xcomp" && rel != "acl")) break;
    // "plans to sign", "is expected to sign", "is going to sign"; "the president's plans to visit"
    if (IsOneOf(tree.Lemma(h), kFutureGovernors) || EqualsLower(tree.Form(h), "going")) {
      flags |= model::kModalityFuture;
    }
    if (rel == "acl") break;
    cur = static_cast<uint32_t>(h);
  }
  // "if talks fail and Iran attacks": the condition marks the first conjunct only.
  if (tree.DeprelBase(verb) == "conj" && tree.head(verb) >= 0) {
    for (uint32_t c : tree.Children(static_cast<uint32_t>(tree.head(verb)))) {
      if (tree.DeprelBase(c) == "mark" && IsOneOf(tree.Form(c), kConditions)) flags |= model::kModalityHypothetical;
    }
  }
  return flags;
}

}  // namespace dyad::context
