// Temporal expressions in an event's clause, resolved against the publication date as wire copy
// uses them:
//   "yesterday", "today", "tonight", "tomorrow"                       day
//   "on Sunday" (the latest Sunday up to the publication day; the next one for an announced
//   event), "last Sunday", "next Sunday"                              day
//   "on July 23", "23 July", "July 23, 2017" (a day after publication without a year means last
//   year, unless the event is announced)                              day
//   "in March", "last March", "March 2003"                            month (date = the 1st)
//   "last/this/next week|month|year", "earlier/later this month|year" month or year; a week
//   is given month precision (its first day's month)
//   "two days ago", "three weeks ago", "a month ago", "five years ago"  day, day, month, year
//   "in 2003", "since 2011", "during 2014"                            year (date = January 1)
// Without a publication date only expressions carrying a year resolve. When a clause holds
// several, the most precise wins, then the first.
#ifndef DYAD_CONTEXT_TEMPORAL_H_
#define DYAD_CONTEXT_TEMPORAL_H_

#include <optional>
#include <span>

#include "context/dep_tree.h"
#include "model/document.h"
#include "model/event.h"

namespace dyad::context {

struct ResolvedDate {
  model::Date date;
  model::DatePrecision precision = model::DatePrecision::kDay;
};

// True for month and weekday names ("March", "Sunday"): never places, whatever the gazetteer says.
bool IsCalendarWord(std::string_view word);

// The date of the first (most precise) temporal expression among the tokens `clause` (sorted
// sentence-relative indices of `tree`, e.g. from DepTree::Clause). `future`: the event is
// announced ("will meet on Sunday"), so bare weekdays and dates point forward.
std::optional<ResolvedDate> ResolveDate(const DepTree& tree, std::span<const uint32_t> clause,
                                        std::optional<model::Date> pub, bool future);

}  // namespace dyad::context

#endif  // DYAD_CONTEXT_TEMPORAL_H_
