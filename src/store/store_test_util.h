// Builders shared by the store tests: documents made by hand (sentences without a parse, which
// the store does not need) and events placed in them. Tests only.
#ifndef DYAD_STORE_STORE_TEST_UTIL_H_
#define DYAD_STORE_STORE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/io_test_util.h"
#include "store/event_store.h"

namespace dyad::store::testing {

inline model::Date Day(int y, unsigned m, unsigned d) {
  return model::Date(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
}

// A document whose sentences are `sentences`, one paragraph each, joined by a space.
inline model::Document MakeDocument(const std::string& id, const std::string& source,
                                    std::optional<model::Date> date,
                                    const std::vector<std::string>& sentences) {
  model::Document doc;
  doc.id = id;
  doc.source = source;
  doc.date = date;
  doc.url = source.empty() ? "" : "https://news.example/" + id;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) doc.text += ' ';
    model::Sentence s;
    s.start = static_cast<uint32_t>(doc.text.size());
    doc.text += sentences[i];
    s.end = static_cast<uint32_t>(doc.text.size());
    s.paragraph = static_cast<uint32_t>(i);
    doc.sentences.push_back(s);
  }
  return doc;
}

// An event SOURCE -CAMEO-> TARGET (3-letter country codes) in sentence `sentence` of `doc`, dated
// like the document.
inline model::Event MakeEvent(const model::Document& doc, uint32_t sentence,
                              const std::string& source, const std::string& target,
                              const std::string& cameo, double goldstein = 1.0, int quad = 1) {
  model::Event e;
  e.doc_id = doc.id;
  e.sentence = sentence;
  e.date = doc.date;
  e.pub_date = doc.date;
  e.source = {.text = source + " text", .code = source, .country = source.substr(0, 3),
              .sector = "", .start = doc.sentences[sentence].start,
              .end = doc.sentences[sentence].start + 1};
  if (!target.empty()) {
    e.target = {.text = target + " text", .code = target, .country = target.substr(0, 3),
                .sector = "", .start = doc.sentences[sentence].start + 2,
                .end = doc.sentences[sentence].start + 3};
  }
  e.cameo = cameo;
  e.root = cameo.substr(0, 2);
  e.plover = cameo.substr(0, 2) == "19" ? "FIGHT" : "SUPPORT";
  e.goldstein = goldstein;
  e.quad_class = quad;
  e.verb = {.text = "signed", .lemma = "sign", .start = doc.sentences[sentence].start,
            .end = doc.sentences[sentence].start + 1};
  e.pattern = "test.dyad:1";
  e.sentence_text = std::string(doc.Text(doc.sentences[sentence]));
  return e;
}

// A document with its events, owned together so IngestItems can point at them.
struct Coded {
  model::Document doc;
  std::vector<model::Event> events;
};

inline std::vector<IngestItem> Items(const std::vector<Coded>& coded) {
  std::vector<IngestItem> items;
  for (const Coded& c : coded) items.push_back({&c.doc, c.events});
  return items;
}

inline std::unique_ptr<EventStore> OpenOrDie(const std::string& path, OpenOptions options = {}) {
  auto store = EventStore::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

inline IngestStats IngestOrDie(EventStore& store, const std::vector<Coded>& coded) {
  auto stats = store.IngestBatch(Items(coded));
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  return stats.ok() ? *stats : IngestStats{};
}

inline std::string ExportOrDie(const EventStore& store, ExportFormat format) {
  std::string out;
  Status s = store.Export(format, [&out](std::string_view chunk) {
    out += chunk;
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

}  // namespace dyad::store::testing

#endif  // DYAD_STORE_STORE_TEST_UTIL_H_
