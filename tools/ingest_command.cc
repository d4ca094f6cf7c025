// dyad ingest: code documents (same reader and engine options as `dyad code`) and write them, their
// sentences and events into an event store, one transaction per batch of ~64 documents. Documents
// already in the store are neither coded nor written again, so re-running an interrupted ingest
// resumes it.
#include <cstdio>
#include <unordered_set>

#include <fmt/format.h>

#include "commands.h"
#include "driver.h"
#include "engine_options.h"
#include "store/event_store.h"

namespace dyad::tools {

void AddIngestCommand(CLI::App& app, CommandRunner* run) {
  auto options = std::make_shared<InputOptions>();
  auto flags = std::make_shared<EngineFlags>();
  auto db = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("ingest", "Code documents into an event store (SQLite)");
  cmd->add_option("--db", *db, "Event store file (created when missing)")->required();
  AddInputOptions(cmd, options.get(), /*with_output=*/false);
  AddEngineOptions(cmd, flags.get());
  cmd->footer(
      "Examples:\n"
      "  dyad ingest --db events.sqlite news.jsonl --threads 2\n"
      "  dyad ingest --db events.sqlite examples/iran-iraq-accord.txt --date 2017-07-23\n"
      "Ingesting the same input again changes nothing; an interrupted ingest resumes when re-run.");
  cmd->callback([options, flags, db, run] {
    *run = [options, flags, db] {
      auto store = store::EventStore::Open(*db);
      if (!store.ok()) {
        fmt::print(stderr, "dyad ingest: {}\n", store.status().message());
        return 2;
      }
      auto stored = (*store)->DocumentIds();
      if (!stored.ok()) {
        fmt::print(stderr, "dyad ingest: {}\n", stored.status().message());
        return 2;
      }
      auto engine = pipeline::Engine::Open(flags->ToOptions());
      if (!engine.ok()) {
        fmt::print(stderr, "dyad ingest: {}\n", engine.status().message());
        return 2;
      }
      const pipeline::Engine& e = **engine;
      const std::unordered_set<std::string>& already = *stored;  // read-only: safe across workers
      store::IngestStats total;
      std::vector<store::IngestItem> items;
      int code = RunCodedBatches(
          "ingest", *options,
          [&e, &already](model::Document& doc, std::vector<model::Event>& events) {
            if (already.count(doc.id)) return Status::Ok();  // the store skips it unread
            thread_local pipeline::Engine::Workspace ws;
            return e.Code(doc, ws, events);
          },
          [&](std::span<const CodedDocument> batch) {
            items.clear();
            for (const CodedDocument& c : batch) items.push_back({c.doc, *c.events});
            auto stats = (*store)->IngestBatch(items);
            if (!stats.ok()) return stats.status();
            total.documents_added += stats->documents_added;
            total.documents_skipped += stats->documents_skipped;
            total.mentions_added += stats->mentions_added;
            total.events_added += stats->events_added;
            return Status::Ok();
          });
      auto counts = (*store)->Count();
      fmt::print(stderr,
                 "dyad ingest: {} documents added, {} already stored, {} event mentions, {} new "
                 "events",
                 total.documents_added, total.documents_skipped, total.mentions_added,
                 total.events_added);
      if (counts.ok()) {
        fmt::print(stderr, "; {} holds {} documents, {} mentions, {} events", *db,
                   counts->documents, counts->mentions, counts->events);
      }
      fmt::print(stderr, "\n");
      return code;
    };
  });
}

}  // namespace dyad::tools
