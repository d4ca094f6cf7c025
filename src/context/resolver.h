// The context stage: dates, places, attribution and modality of coded events.
//
// For each event it finds the verb's token (by the verb's byte offset) and the verb's clause
// (DepTree::Clause), then:
//   date      the clause's temporal expression resolved against the publication date
//             (temporal.h); else the date of the clause it is coordinated with or the infinitive
//             complement of; else the publication date (day precision);
//   location  the clause's place phrase (places.h), else the dateline, else none;
//   attribution and modality (attribution.h); a claim inside a speech verb's complement whose
//             speaker is not the event's source is flagged quoted.
// The attribution's actor code comes from a PhraseCoder the caller supplies (the pipeline passes
// the coder's actor matcher), so context needs no dictionaries and stays below coding.
//
// Thread safety: a Resolver is immutable and shared; each thread passes its own Workspace.
#ifndef DYAD_CONTEXT_RESOLVER_H_
#define DYAD_CONTEXT_RESOLVER_H_

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "context/dep_tree.h"
#include "context/gazetteer.h"
#include "model/document.h"
#include "model/event.h"

namespace dyad::context {

// The actor code of tokens [begin, end) of sentence `sentence`, "" when they name no actor.
// Called at most once per attributed event.
using PhraseCoder = std::function<std::string(size_t sentence, uint32_t begin, uint32_t end)>;

class Resolver {
 public:
  struct Workspace {
    DepTree tree;
    std::vector<uint32_t> clause;
    std::vector<std::string> countries;  // countries the document's actors belong to
  };

  // `gazetteer` may be null: events are then left unplaced.
  explicit Resolver(std::shared_ptr<const Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}

  // Fills date, date_precision, pub_date, location, attribution and modality of `events`, all
  // from `doc` (tagged and parsed). Events whose verb is not found keep their fields. `coder` may
  // be empty: attributions then carry no code.
  void Resolve(const model::Document& doc, Workspace& ws, std::span<model::Event> events,
               const PhraseCoder& coder) const;

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace dyad::context

#endif  // DYAD_CONTEXT_RESOLVER_H_
