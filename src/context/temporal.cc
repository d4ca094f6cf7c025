#include "context/temporal.h"

#include <charconv>
#include <string>

namespace dyad::context {

namespace {

using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;
using model::Date;
using model::DatePrecision;

int MonthOf(std::string_view w) {
  if (w.empty() || w[0] < 'A' || w[0] > 'Z') return 0;  // "a march in Tehran", "may meet"
  static constexpr std::string_view kNames[] = {"january", "february", "march", "april", "may", "june", "july",
                                                "august", "september", "october", "november", "december"};
  static constexpr std::string_view kShort[] = {"jan.", "feb.", "mar.", "apr.", "", "", "",
                                                "aug.", "sept.", "oct.", "nov.", "dec."};
  for (int m = 0; m < 12; ++m) {
    if (EqualsLower(w, kNames[m]) || (!kShort[m].empty() && EqualsLower(w, kShort[m]))) return m + 1;
  }
  if (EqualsLower(w, "sep.")) return 9;
  return 0;
}

int WeekdayOf(std::string_view w) {  // 0 = Sunday, as std::chrono::weekday; -1 when none
  static constexpr std::string_view kNames[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
                                                "saturday"};
  for (int d = 0; d < 7; ++d) {
    if (EqualsLower(w, kNames[d])) return d;
  }
  return -1;
}

int NumberOf(std::string_view w) {
  static constexpr std::string_view kWords[] = {"zero", "one", "two", "three", "four", "five", "six",
                                                "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i < 13; ++i) {
    if (EqualsLower(w, kWords[i])) return i;
  }
  if (EqualsLower(w, "a") || EqualsLower(w, "an")) return 1;
  int n = 0;
  auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
  if (ec != std::errc() || end != w.data() + w.size() || n < 0) return -1;
  return n;
}

// "23", "23rd" -> 23; 0 when not a day of month.
int DayOf(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return 0;
  std::string_view rest = w.substr(digits);
  if (!rest.empty() && !IsOneOf(rest, std::initializer_list<std::string_view>{"st", "nd", "rd", "th"})) return 0;
  int d = NumberOf(w.substr(0, digits));
  return d >= 1 && d <= 31 ? d : 0;
}

int YearOf(std::string_view w) {
  if (w.size() != 4) return 0;
  int y = NumberOf(w);
  return y >= 1900 && y <= 2100 ? y : 0;
}

enum class Unit { kNone, kDay, kWeek, kMonth, kYear, kWeekend };

Unit UnitOf(std::string_view w) {
  if (EqualsLower(w, "day") || EqualsLower(w, "days")) return Unit::kDay;
  if (EqualsLower(w, "week") || EqualsLower(w, "weeks")) return Unit::kWeek;
  if (EqualsLower(w, "month") || EqualsLower(w, "months")) return Unit::kMonth;
  if (EqualsLower(w, "year") || EqualsLower(w, "years")) return Unit::kYear;
  if (EqualsLower(w, "weekend")) return Unit::kWeekend;
  return Unit::kNone;
}

Date AddDays(Date d, int n) { return Date{sys_days(d) + days(n)}; }
Date FirstOfMonth(Date d) { return Date{d.year(), d.month(), std::chrono::day(1)}; }
Date AddMonths(Date d, int n) {
  auto ym = d.year() / d.month() + std::chrono::months(n);
  return Date{ym.year(), ym.month(), std::chrono::day(1)};
}

struct Candidate {
  ResolvedDate value;
  bool found = false;
};

// Matches expressions starting at position k of `w` (the forms of one contiguous run of clause
// tokens); returns true and fills `out` on a match.
class Matcher {
 public:
  Matcher(std::span<const std::string_view> w, std::optional<Date> pub, bool future)
      : w_(w), pub_(pub), future_(future) {}

  bool At(size_t k, ResolvedDate* out) const {
    return Absolute(k, out) || (pub_ && (Deictic(k, out) || Weekday(k, out) || Ago(k, out)));
  }

 private:
  std::string_view W(size_t k) const { return k < w_.size() ? w_[k] : std::string_view(); }

  // Month-day-year forms and bare years. Those without a year need the publication date.
  bool Absolute(size_t k, ResolvedDate* out) const {
    int m = MonthOf(W(k)), d = 0, y = 0;
    if (m != 0) {
      size_t j = k + 1;
      if ((d = DayOf(W(j))) != 0) ++j;
      if (W(j) == ",") ++j;
      y = YearOf(W(j));
      static constexpr std::string_view kMonthPreps[] = {"in", "since", "during", "until", "by", "of",
                                                         "early", "late", "mid", "last", "this", "next"};
      if (d == 0 && y == 0 && EqualsLower(W(k), "may") && !IsOneOf(W(k - 1), kMonthPreps)) return false;
    } else if ((d = DayOf(W(k))) != 0 && (m = MonthOf(W(k + 1))) != 0) {  // "23 July 2017"
      y = YearOf(W(k + 2));
    } else if ((y = YearOf(W(k))) != 0) {
      static constexpr std::string_view kPreps[] = {"in", "since", "during", "until", "till", "by", "of", "from",
                                                    "before", "after", "early", "late", "mid"};
      if (k == 0 || !IsOneOf(W(k - 1), kPreps)) return false;
      *out = {Date{year(y), std::chrono::January, std::chrono::day(1)}, DatePrecision::kYear};
      return true;
    } else {
      return false;
    }
    if (y == 0 && !pub_) return false;
    const bool explicit_year = y != 0;
    if (!explicit_year) y = static_cast<int>(pub_->year());
    Date date{year(y), month(static_cast<unsigned>(m)), std::chrono::day(d == 0 ? 1 : static_cast<unsigned>(d))};
    if (!date.ok()) return false;
    if (!explicit_year) {
      // "on July 23" written in January is last year's; announced in December, next year's.
      const bool last = EqualsLower(W(k - 1), "last");  // W() is empty out of range
      Date pub_unit = d == 0 ? FirstOfMonth(*pub_) : *pub_;
      if ((!future_ || last) && sys_days(date) > sys_days(pub_unit)) date = Date{date.year() - std::chrono::years(1), date.month(), date.day()};
      if (future_ && !last && sys_days(date) < sys_days(pub_unit)) date = Date{date.year() + std::chrono::years(1), date.month(), date.day()};
      if (!date.ok()) return false;  // February 29
    }
    *out = {date, d == 0 ? DatePrecision::kMonth : DatePrecision::kDay};
    return true;
  }

  // yesterday, today, last week, earlier this month, next year ...
  bool Deictic(size_t k, ResolvedDate* out) const {
    const Date pub = *pub_;
    std::string_view w = W(k);
    if (EqualsLower(w, "yesterday")) return Set(AddDays(pub, -1), DatePrecision::kDay, out);
    if (EqualsLower(w, "today") || EqualsLower(w, "tonight")) return Set(pub, DatePrecision::kDay, out);
    if (EqualsLower(w, "tomorrow")) return Set(AddDays(pub, 1), DatePrecision::kDay, out);
    int step;
    size_t j = k + 1;
    if (EqualsLower(w, "last") || EqualsLower(w, "past") || EqualsLower(w, "previous")) {
      step = -1;
    } else if (EqualsLower(w, "next") || EqualsLower(w, "coming")) {
      step = 1;
    } else if (EqualsLower(w, "this") || EqualsLower(w, "current")) {
      step = 0;
    } else if ((EqualsLower(w, "earlier") || EqualsLower(w, "later")) && EqualsLower(W(k + 1), "this")) {
      step = 0;
      j = k + 2;
    } else {
      return false;
    }
    switch (UnitOf(W(j))) {
      case Unit::kDay: return false;
      case Unit::kWeek: return Set(FirstOfMonth(AddDays(pub, 7 * step)), DatePrecision::kMonth, out);
      case Unit::kWeekend: {
        // The weekend before publication (or the coming one): its Saturday.
        const int dow = static_cast<int>(weekday(sys_days(pub)).c_encoding());
        int back = (dow + 1) % 7;  // days since the last Saturday
        if (step == 0 && back == 0) return Set(pub, DatePrecision::kDay, out);
        return Set(step > 0 || (step == 0 && future_) ? AddDays(pub, 7 - back) : AddDays(pub, back == 0 ? -7 : -back),
                   DatePrecision::kDay, out);
      }
      case Unit::kMonth: return Set(AddMonths(pub, step), DatePrecision::kMonth, out);
      case Unit::kYear:
        return Set(Date{pub.year() + std::chrono::years(step), std::chrono::January, std::chrono::day(1)},
                   DatePrecision::kYear, out);
      case Unit::kNone: break;
    }
    // "last March"
    if (int m = MonthOf(W(j)); m != 0 && step != 0) {
      int y = static_cast<int>(pub.year());
      if (step < 0 && m >= static_cast<int>(static_cast<unsigned>(pub.month()))) --y;
      if (step > 0 && m <= static_cast<int>(static_cast<unsigned>(pub.month()))) ++y;
      return Set(Date{year(y), month(static_cast<unsigned>(m)), std::chrono::day(1)}, DatePrecision::kMonth, out);
    }
    // "last Sunday", "next Sunday"
    if (int d = WeekdayOf(W(j)); d >= 0 && step != 0) return Set(WeekdayFrom(d, step < 0 ? -1 : 1, false), DatePrecision::kDay, out);
    return false;
  }

  // "on Sunday": the latest such day up to publication, or for an announced event the next one.
  bool Weekday(size_t k, ResolvedDate* out) const {
    int d = WeekdayOf(W(k));
    if (d < 0) return false;
    if (k > 0 && (IsOneOf(W(k - 1), std::initializer_list<std::string_view>{"last", "next", "past", "coming"}))) {
      return false;  // Deictic() reads those
    }
    return Set(WeekdayFrom(d, future_ ? 1 : -1, true), DatePrecision::kDay, out);
  }

  // "two days ago", "a month ago"
  bool Ago(size_t k, ResolvedDate* out) const {
    int n = NumberOf(W(k));
    if (n < 0 || !EqualsLower(W(k + 2), "ago")) return false;
    const Date pub = *pub_;
    switch (UnitOf(W(k + 1))) {
      case Unit::kDay: return Set(AddDays(pub, -n), DatePrecision::kDay, out);
      case Unit::kWeek: return Set(AddDays(pub, -7 * n), DatePrecision::kDay, out);
      case Unit::kMonth: return Set(AddMonths(pub, -n), DatePrecision::kMonth, out);
      case Unit::kYear:
        return Set(Date{pub.year() - std::chrono::years(n), std::chrono::January, std::chrono::day(1)},
                   DatePrecision::kYear, out);
      default: return false;
    }
  }

  // The weekday `d` counted from publication in `direction`; `inclusive`: publication day counts.
  Date WeekdayFrom(int d, int direction, bool inclusive) const {
    const int dow = static_cast<int>(weekday(sys_days(*pub_)).c_encoding());
    int delta = direction < 0 ? -((dow - d + 7) % 7) : (d - dow + 7) % 7;
    if (delta == 0 && (!inclusive || direction > 0)) delta = 7 * direction;
    return AddDays(*pub_, delta);
  }

  static bool Set(Date d, DatePrecision p, ResolvedDate* out) {
    *out = {d, p};
    return true;
  }

  std::span<const std::string_view> w_;
  std::optional<Date> pub_;
  bool future_;
};

}  // namespace

bool IsCalendarWord(std::string_view word) { return MonthOf(word) != 0 || WeekdayOf(word) >= 0; }

std::optional<ResolvedDate> ResolveDate(const DepTree& tree, std::span<const uint32_t> clause,
                                        std::optional<Date> pub, bool future) {
  std::optional<ResolvedDate> best;
  std::vector<std::string_view> words;  // one contiguous run of clause tokens
  size_t i = 0;
  while (i < clause.size()) {
    words.clear();
    size_t j = i;
    do {
      words.push_back(tree.Form(clause[j]));
      ++j;
    } while (j < clause.size() && clause[j] == clause[j - 1] + 1);
    Matcher matcher(words, pub, future);
    for (size_t k = 0; k < words.size(); ++k) {
      ResolvedDate found;
      if (!matcher.At(k, &found)) continue;
      if (!best || found.precision < best->precision) best = found;
    }
    i = j;
  }
  return best;
}

}  // namespace dyad::context
