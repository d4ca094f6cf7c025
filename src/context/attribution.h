// Who reports an event and how firmly it is stated.
//
// Attribution: the subject of a speech verb ("say", "report", "announce", ...) whose complement
// holds the event ("Iraq said (that) Iran attacked ...") or that comments on it as a parenthetical
// ("Iran signed the accord, IRNA reported"), else the object of "according to" in the sentence,
// else the words between the last comma and a sentence-final speech verb (", IRNA said.").
//
// Modality, read on the verb and the verbs it is the infinitive complement of ("agreed to sign"):
//   negated       not, n't, never
//   future        will, shall, 'll; plan/intend/expect/schedule/prepare/aim/set/due to; going to
//   hypothetical  would, could, might, may, should; inside an "if"/"unless" clause
// (quoted claims need the attribution's actor code; the Resolver sets that flag).
#ifndef DYAD_CONTEXT_ATTRIBUTION_H_
#define DYAD_CONTEXT_ATTRIBUTION_H_

#include <cstdint>

#include "context/dep_tree.h"

namespace dyad::context {

struct Attribution {
  uint32_t begin = 0, end = 0;  // sentence-relative token range of the reporter's phrase
  bool complement = false;      // "X said (that) <event>": a claim X reports (a trailing ", X said"
                                // is the wire's sourcing, not a claim)
};

// The reporter of the event whose verb is `verb`; false when the sentence names none.
bool FindAttribution(const DepTree& tree, uint32_t verb, Attribution* out);

// model::Modality bits (negated, hypothetical, future) of the event whose verb is `verb`.
uint8_t VerbModality(const DepTree& tree, uint32_t verb);

}  // namespace dyad::context

#endif  // DYAD_CONTEXT_ATTRIBUTION_H_
