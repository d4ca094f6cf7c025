// PETRARCH XML: <Sentences><Sentence date="20150805" id="..." source="..."><Text>...</Text>
// <Parse>...</Parse></Sentence>...</Sentences>, often wrapped in <Validation> with an
// <Environment> block, comments and <EventCoding .../> expectations (PETRARCH's unit-test and
// validation files).
//
// The file is not parsed as one XML document. A scanner cuts it into markup units (tags,
// comments, CDATA, processing instructions, text runs) and collects the bytes from each
// <Sentence ...> start tag to its </Sentence>; only that record is handed to pugixml. So the file
// streams (memory is one record), text outside records (PETR2_GSR_validation.xml has bare '#'
// banner lines) is ignored, and a malformed record costs that record only: the error names the
// line pugixml stopped at, and the scanner resumes at the next <Sentence>. Tags inside comments
// ("Use <Sentence ... evaluate="false">") are never seen as records.
//
// One real-file quirk is accepted on purpose: PETR2_GSR_validation.xml self-closes 70 of its
// start tags (<Sentence id="..." .../>) and still closes them with </Sentence> after <Text> and
// <Parse>. A self-closed <Sentence/> therefore opens a record that ends at the next </Sentence>
// or <Sentence>, whichever comes first.
//
// A second quirk: PETR_Validate_records_2_02.xml carries PLOVER codings as "<PLEvent {json}>"
// lines inside 38 records, which is not XML. Such tags are cut out of the record before parsing
// and their JSON payloads are kept in metadata as "PLEvent" (an array).
//
// Each record becomes one Document: id, date (YYYYMMDD; also ISO YYYY-MM-DD, and YYMMDD with
// TABARI's pivot, which PETR2_GSR_validation.xml uses once) and source from the
// attributes; text = <Text> with surrounding whitespace trimmed (inner line breaks kept); parse =
// <Parse> trimmed; the other attributes go to metadata as JSON strings, and the other child
// elements (EventCoding, PLEvent, ...) as JSON arrays of their attribute objects, keyed by element
// name. XML entities are decoded; CRLF becomes LF, as XML requires.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "io/record_reader.h"

namespace dyad::io {

namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsXmlSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsXmlSpace(s.back())) s.remove_suffix(1);
  return s;
}

struct TagInfo {
  std::string_view name;
  bool end = false;           // </name>
  bool self_closing = false;  // <name .../>
};

TagInfo ParseTag(std::string_view tag) {
  TagInfo info;
  if (tag.size() < 2) return info;
  size_t i = 1;
  if (i < tag.size() && tag[i] == '/') {
    info.end = true;
    ++i;
  }
  size_t start = i;
  while (i < tag.size() && !IsXmlSpace(tag[i]) && tag[i] != '/' && tag[i] != '>') ++i;
  info.name = tag.substr(start, i - start);
  info.self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
  return info;
}

// Compact JSON; bytes that are not UTF-8 (only possible in PLEvent payloads and decoded
// character references, which are checked separately) become U+FFFD instead of throwing.
std::string DumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The text of an element: its PCDATA and CDATA children, concatenated.
std::string ElementText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
  }
  return out;
}

class PetrarchXmlReader : public RecordReader {
 public:
  explicit PetrarchXmlReader(ReaderInput input) : input_(std::move(input)) {}

  ReadEvent Next(model::Document* doc, Status* error) override {
    while (!done_) {
      const bool keep = in_record_ && !too_large_;
      const size_t unit_start = keep ? record_.size() : 0;
      std::string* out = keep ? &record_ : nullptr;
      size_t unit_line = 0;
      Unit unit = NextUnit(out, &unit_line);
      if (unit.kind == UnitKind::kEnd) {
        done_ = true;
        if (!input_.in->status().ok()) {
          in_record_ = false;
          *error = AtLine(input_.in->status(), input_.name, line_);
          return ReadEvent::kError;
        }
        if (in_record_) {
          in_record_ = false;
          if (self_closed_) return FinishRecord(doc, error);
          *error = AtLine(InvalidArgumentError("<Sentence> not closed before the end of the file"),
                          input_.name, record_line_);
          return ReadEvent::kError;
        }
        return ReadEvent::kEnd;
      }
      if (unit.unterminated && !input_.in->status().ok()) {
        done_ = true;
        in_record_ = false;
        *error = AtLine(input_.in->status(), input_.name, line_);
        return ReadEvent::kError;
      }
      if (unit.unterminated) {
        // The rest of the file is one unclosed comment or tag: report it and stop.
        done_ = true;
        in_record_ = false;
        *error = AtLine(InvalidArgumentError(fmt::format("unterminated {}", unit.what)),
                        input_.name, unit_line);
        return ReadEvent::kError;
      }
      if (unit.kind != UnitKind::kTag) {
        CheckRecordSize();
        continue;
      }
      std::string_view tag_text = keep ? std::string_view(record_).substr(unit_start) : tag_;
      if (unit.too_long) tag_text = {};
      TagInfo tag = ParseTag(tag_text);
      if (tag.name == "PLEvent" && keep) {
        // Not XML: "<PLEvent {json}>" (see the file comment). Cut it out, keep its payload.
        std::string_view payload = tag_text.substr(std::min<size_t>(8, tag_text.size()));
        if (payload.ends_with(">")) payload.remove_suffix(1);
        if (payload.ends_with("/")) payload.remove_suffix(1);
        pl_events_.emplace_back(Trim(payload));
        record_.resize(unit_start);
        continue;
      }
      if (tag.name != "Sentence") {
        CheckRecordSize();
        continue;
      }
      if (tag.end) {
        if (!in_record_) {
          *error = AtLine(InvalidArgumentError("</Sentence> without <Sentence>"), input_.name,
                          unit_line);
          return ReadEvent::kError;
        }
        in_record_ = false;
        self_closed_ = false;  // closed properly after all
        return FinishRecord(doc, error);
      }
      // A start tag: the record before it, if any, ends here.
      std::string start_tag(tag_text);
      if (keep) record_.resize(unit_start);
      ReadEvent ev = ReadEvent::kEnd;
      if (in_record_) {
        if (self_closed_) {
          ev = FinishRecord(doc, error);
        } else {
          *error = AtLine(InvalidArgumentError("<Sentence> not closed before the next <Sentence>"),
                          input_.name, record_line_);
          ev = ReadEvent::kError;
        }
      }
      StartRecord(start_tag, unit_line, tag.self_closing);
      if (ev != ReadEvent::kEnd) return ev;
    }
    return ReadEvent::kEnd;
  }

 private:
  enum class UnitKind { kEnd, kText, kTag, kMarkup };
  struct Unit {
    UnitKind kind = UnitKind::kEnd;
    bool unterminated = false;
    bool too_long = false;     // a tag longer than the record cap (not kept)
    const char* what = "";     // for messages
  };

  // Reads the next markup unit, appending its bytes to *out when `out` is not null (tags always
  // go to tag_ as well when out is null, so their name can be read).
  Unit NextUnit(std::string* out, size_t* start_line) {
    *start_line = line_;
    Unit unit;
    std::string_view head = input_.in->Peek(9);
    if (head.empty()) return unit;
    std::string_view terminator;
    size_t opener = 0;
    if (head[0] != '<') {
      unit.kind = UnitKind::kText;
    } else if (head.starts_with("<!--")) {
      unit = {UnitKind::kMarkup, false, false, "comment"};
      terminator = "-->";
      opener = 4;
    } else if (head.starts_with("<![CDATA[")) {
      unit = {UnitKind::kMarkup, false, false, "CDATA section"};
      terminator = "]]>";
      opener = 9;
    } else if (head.starts_with("<?")) {
      unit = {UnitKind::kMarkup, false, false, "processing instruction"};
      terminator = "?>";
      opener = 2;
    } else if (head.starts_with("<!")) {
      unit = {UnitKind::kMarkup, false, false, "declaration"};
      terminator = ">";
      opener = 2;
    } else {
      unit = {UnitKind::kTag, false, false, "tag"};
      terminator = ">";
      opener = 1;
    }
    if (unit.kind == UnitKind::kTag && out == nullptr) {
      tag_.clear();
      out = &tag_;
    }
    const size_t out_start = out != nullptr ? out->size() : 0;
    size_t consumed = 0;
    char quote = 0;
    char window[3] = {0, 0, 0};  // the last bytes, for multi-byte terminators
    for (;;) {
      std::string_view chunk = input_.in->Chunk();
      if (chunk.empty()) {
        unit.unterminated = unit.kind != UnitKind::kText;
        return unit;
      }
      size_t i = 0;
      bool done = false;
      for (; i < chunk.size(); ++i) {
        const char c = chunk[i];
        if (unit.kind == UnitKind::kText) {
          if (c == '<') {
            done = true;
            break;
          }
        }
        if (c == '\n') ++line_;
        ++consumed;
        window[0] = window[1];
        window[1] = window[2];
        window[2] = c;
        if (unit.kind == UnitKind::kTag) {
          if (quote != 0) {
            if (c == quote) quote = 0;
          } else if (c == '"' || c == '\'') {
            quote = c;
          } else if (c == '>') {
            done = true;
            ++i;
            break;
          }
        } else if (unit.kind != UnitKind::kText && consumed >= opener + terminator.size() &&
                   std::string_view(window + 3 - terminator.size(), terminator.size()) ==
                       terminator) {
          done = true;
          ++i;
          break;
        }
      }
      if (out != nullptr && !unit.too_long) {
        out->append(chunk.data(), i);
        if (unit.kind == UnitKind::kTag && out->size() - out_start > input_.options.max_record_bytes) {
          unit.too_long = true;
          out->resize(out_start);
        }
      }
      input_.in->Consume(i);
      if (done) return unit;
    }
  }

  // Past the cap, a record's bytes are dropped and only its end is looked for.
  void CheckRecordSize() {
    if (in_record_ && !too_large_ && record_.size() > input_.options.max_record_bytes) {
      too_large_ = true;
      record_.clear();
      record_.shrink_to_fit();
    }
  }

  void StartRecord(std::string_view start_tag, size_t line, bool self_closing) {
    in_record_ = true;
    too_large_ = start_tag.empty();  // a start tag over the cap
    self_closed_ = self_closing;
    record_line_ = line;
    ++record_number_;
    record_.assign(start_tag);
    pl_events_.clear();
    if (self_closing) {
      // "<Sentence .../>" -> "<Sentence ...>": the record's content follows (see file comment).
      record_.erase(record_.size() - 2, 1);
    }
  }

  // Turns the collected record into a Document, or an error naming its line.
  ReadEvent FinishRecord(model::Document* doc, Status* error) {
    const bool self_closed = self_closed_;
    self_closed_ = false;
    if (too_large_ || record_.size() > input_.options.max_record_bytes) {
      too_large_ = false;
      *error = AtLine(RecordTooLargeError(input_.options), input_.name, record_line_);
      return ReadEvent::kError;
    }
    if (self_closed) record_ += "</Sentence>";
    auto line_at = [&](size_t offset) {
      offset = std::min(offset, record_.size());
      return record_line_ + std::count(record_.begin(), record_.begin() + offset, '\n');
    };
    size_t bad = 0;
    if (Status s = CheckRecordBytes(record_, &bad); !s.ok()) {
      *error = AtLine(s, input_.name, line_at(bad));
      return ReadEvent::kError;
    }
    pugi::xml_document xml;
    pugi::xml_parse_result parsed =
        xml.load_buffer(record_.data(), record_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      *error = AtLine(InvalidArgumentError(fmt::format("malformed XML: {}", parsed.description())),
                      input_.name, line_at(static_cast<size_t>(parsed.offset)));
      return ReadEvent::kError;
    }
    Status s = FillDocument(xml.child("Sentence"), doc);
    if (!s.ok()) {
      *error = AtLine(s, input_.name, record_line_);
      return ReadEvent::kError;
    }
    return ReadEvent::kDocument;
  }

  Status FillDocument(const pugi::xml_node& sentence, model::Document* doc) {
    *doc = model::Document();
    for (pugi::xml_attribute a : sentence.attributes()) {
      std::string_view name = a.name();
      std::string_view value = a.value();
      if (name == "id") {
        doc->id = std::string(Trim(value));
      } else if (name == "date") {
        std::string_view v = Trim(value);
        doc->date = v.size() == 8 ? ParseCompactDate(v)
                    : v.size() == 6 ? ParseTwoDigitYearDate(v)
                                    : model::ParseIsoDate(v);
        if (!doc->date) {
          return InvalidArgumentError(fmt::format("bad date '{}' (expected YYYYMMDD)", v));
        }
      } else if (name == "source") {
        doc->source = std::string(Trim(value));
      } else {
        doc->metadata.emplace_back(std::string(name), DumpJson(nlohmann::json(std::string(value))));
      }
    }
    if (!doc->date) doc->date = input_.options.default_date;
    pugi::xml_node text = sentence.child("Text");
    if (!text) return InvalidArgumentError("<Sentence> has no <Text>");
    doc->text = std::string(Trim(ElementText(text)));
    if (pugi::xml_node parse = sentence.child("Parse")) {
      doc->parse = std::string(Trim(ElementText(parse)));
    }
    std::map<std::string, nlohmann::json> extra;  // element name -> array of attribute objects
    std::vector<std::string> order;
    for (pugi::xml_node child : sentence.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string name = child.name();
      if (name == "Text" || name == "Parse") continue;
      nlohmann::json attrs = nlohmann::json::object();
      for (pugi::xml_attribute a : child.attributes()) attrs[a.name()] = a.value();
      auto [it, inserted] = extra.try_emplace(name, nlohmann::json::array());
      if (inserted) order.push_back(name);
      it->second.push_back(std::move(attrs));
    }
    for (const std::string& name : order) doc->metadata.emplace_back(name, DumpJson(extra[name]));
    if (!pl_events_.empty()) {
      nlohmann::json events = nlohmann::json::array();
      for (const std::string& e : pl_events_) {
        nlohmann::json j = nlohmann::json::parse(e, nullptr, /*allow_exceptions=*/false);
        events.push_back(j.is_discarded() ? nlohmann::json(e) : std::move(j));
      }
      doc->metadata.emplace_back("PLEvent", DumpJson(events));
    }
    // Character references can decode to what the raw bytes could not hold ("&#0;", "&#xD800;").
    for (const std::string* field : {&doc->id, &doc->source, &doc->text, &doc->parse}) {
      DYAD_RETURN_IF_ERROR(CheckRecordBytes(*field));
    }
    if (doc->id.empty()) doc->id = fmt::format("{}:{}", input_.name, record_number_);
    doc->origin = fmt::format("{}:{}", input_.name, record_line_);
    return Status::Ok();
  }

  ReaderInput input_;
  size_t line_ = 1;          // line of the next byte to scan
  std::string record_;       // the current <Sentence> ... bytes
  std::string tag_;          // scratch for tags outside records
  std::vector<std::string> pl_events_;  // "<PLEvent {json}>" payloads of the current record
  size_t record_line_ = 0;
  size_t record_number_ = 0;
  bool in_record_ = false;
  bool too_large_ = false;   // the current record is over the cap: skipping to its end
  bool self_closed_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewPetrarchXmlReader(ReaderInput input) {
  return std::make_unique<PetrarchXmlReader>(std::move(input));
}

}  // namespace dyad::io
