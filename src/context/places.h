// Where an event happened: the place phrase governing its verb, else the dateline.
//
// A place phrase is a nominal of the verb's clause introduced by a locative preposition ("in
// Tehran", "near the border with Turkey", "in southern Hasaka", "outside Mosul"). Its name is
// looked up as written (the proper-noun run around its head, then the head alone); a common-noun
// head ("border", "outskirts", "north") passes to its own modifiers ("with Turkey", "of Aleppo",
// "Turkish"). A direction adjective ("southern Hasaka") asks for the region rather than the city.
#ifndef DYAD_CONTEXT_PLACES_H_
#define DYAD_CONTEXT_PLACES_H_

#include <span>
#include <string>

#include "context/dep_tree.h"
#include "context/gazetteer.h"
#include "model/document.h"

namespace dyad::context {

// The place named by the first place phrase among `clause` (tokens of `tree`, see
// DepTree::Clause), nearest the verb first; nullptr when none. `likely_countries` break ties
// between namesakes (Gazetteer::Best).
const Place* PlaceOfClause(const DepTree& tree, uint32_t verb, std::span<const uint32_t> clause,
                           const Gazetteer& gazetteer, std::span<const std::string> likely_countries);

// The place of the document's dateline ("BEIRUT (Reuters) -", "TEHRAN, July 23 (AFP) -"): the
// first sentence flagged model::Sentence::kDateline, read up to its first punctuation.
const Place* DatelinePlace(const model::Document& doc, const Gazetteer& gazetteer,
                           std::span<const std::string> likely_countries);

}  // namespace dyad::context

#endif  // DYAD_CONTEXT_PLACES_H_
