// _dyad: the extension under the `dyad` Python package. The public API (dyad.Coder, dyad.parse,
// dyad.dask) is pure Python in python/dyad/; this file only carries documents in and text out.
//
// Documents cross the boundary as JSONL records and events come back as JSONL lines, through the
// very functions `dyad code` runs on a JSONL file (io::ParseJsonlRecord, pipeline::Engine::Code,
// io::AppendEvents). So a Python event dict equals the CLI's event by construction, including
// fields added to the writer later; the json.dumps/json.loads on the Python side cost little next
// to tagging and parsing (a few percent of coding time).
//
// Threads: the GIL is released while models load and while documents are coded. One Engine is
// shared read-only; every coding call borrows an Engine::Workspace from a pool (UDPipe's workspace
// stack), so Python threads calling code() and the C++ threads of code_batch() run concurrently
// and steady-state coding reuses the workspaces' memory.
//
// Errors: a non-OK Status becomes a Python exception carrying its message (RaiseStatus).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "dyad/status.h"
#include "io/conllu.h"
#include "io/event_writer.h"
#include "io/record_reader.h"
#include "pipeline/engine.h"

namespace py = pybind11;

namespace dyad::python {
namespace {

// Malformed input (a bad date, invalid JSON, a NUL in the text, a bad dictionary line) is the
// caller's data: ValueError. A missing file: FileNotFoundError. Other I/O: OSError. The rest
// (a model that does not fit, a bug): RuntimeError.
[[noreturn]] void RaiseStatus(const Status& s) {
  PyObject* type = PyExc_RuntimeError;
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
    case StatusCode::kOutOfRange:
      type = PyExc_ValueError;
      break;
    case StatusCode::kNotFound:
      type = PyExc_FileNotFoundError;
      break;
    case StatusCode::kUnavailable:
      type = PyExc_OSError;
      break;
    default:
      break;
  }
  PyErr_SetString(type, s.message().c_str());
  throw py::error_already_set();
}

// Thread-safe stack of workspaces; grows to the peak number of concurrent callers.
class WorkspacePool {
 public:
  std::unique_ptr<pipeline::Engine::Workspace> Acquire() {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.empty()) return std::make_unique<pipeline::Engine::Workspace>();
    auto ws = std::move(free_.back());
    free_.pop_back();
    return ws;
  }
  void Release(std::unique_ptr<pipeline::Engine::Workspace> ws) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(ws));
  }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<pipeline::Engine::Workspace>> free_;
};

class Engine {
 public:
  Engine(const std::string& dictionaries, const std::string& models, bool code_negated,
         bool allow_no_target) {
    pipeline::EngineOptions options;
    options.dictionaries = dictionaries;
    options.models_dir = models;
    options.coder.code_negated = code_negated;
    options.coder.require_target = !allow_no_target;
    auto engine = [&options] {
      py::gil_scoped_release unlocked;
      return pipeline::Engine::Open(options);
    }();
    if (!engine.ok()) RaiseStatus(engine.status());
    engine_ = std::move(*engine);
  }

  std::string Code(const std::string& record) {
    std::string out;
    Status s;
    {
      py::gil_scoped_release unlocked;
      auto ws = pool_.Acquire();
      s = CodeRecord(record, *ws, out);
      pool_.Release(std::move(ws));
    }
    if (!s.ok()) RaiseStatus(s);
    return out;
  }

  // Codes records[i] into outputs[i] on `threads` threads (the calling one included).
  std::vector<std::string> CodeBatch(const std::vector<std::string>& records, int threads) {
    std::vector<std::string> outputs(records.size());
    std::vector<Status> statuses(records.size());
    {
      py::gil_scoped_release unlocked;
      std::atomic<size_t> next{0};
      auto work = [&] {
        auto ws = pool_.Acquire();
        for (size_t i = next++; i < records.size(); i = next++) {
          statuses[i] = CodeRecord(records[i], *ws, outputs[i]);
        }
        pool_.Release(std::move(ws));
      };
      size_t n = std::clamp<size_t>(threads > 0 ? threads : std::thread::hardware_concurrency(), 1,
                                    std::max<size_t>(records.size(), 1));
      std::vector<std::jthread> helpers;
      for (size_t t = 1; t < n; ++t) helpers.emplace_back(work);
      work();
    }
    for (size_t i = 0; i < statuses.size(); ++i) {
      if (!statuses[i].ok()) RaiseStatus(statuses[i].WithContext("docs[" + std::to_string(i) + "]"));
    }
    return outputs;
  }

  std::string Parse(const std::string& record) {
    std::string out;
    Status s;
    {
      py::gil_scoped_release unlocked;
      model::Document doc;
      s = io::ParseJsonlRecord(record, io::ReadOptions(), &doc);
      if (s.ok()) {
        auto ws = pool_.Acquire();
        s = engine_->Analyze(doc, *ws);
        pool_.Release(std::move(ws));
      }
      if (s.ok()) io::AppendConllu(doc, out);
    }
    if (!s.ok()) RaiseStatus(s);
    return out;
  }

 private:
  Status CodeRecord(const std::string& record, pipeline::Engine::Workspace& ws, std::string& out) const {
    model::Document doc;
    DYAD_RETURN_IF_ERROR(io::ParseJsonlRecord(record, io::ReadOptions(), &doc));
    std::vector<model::Event> events;
    DYAD_RETURN_IF_ERROR(engine_->Code(doc, ws, events));
    io::AppendEvents(io::EventFormat::kJsonl, doc, events, out);
    return Status::Ok();
  }

  std::unique_ptr<pipeline::Engine> engine_;
  WorkspacePool pool_;
};

}  // namespace
}  // namespace dyad::python

PYBIND11_MODULE(_dyad, m) {
  using dyad::python::Engine;
  m.doc() = "dyad's native engine. Use the `dyad` package (dyad.Coder), not this module.";
  m.attr("SOURCE_DATA_DIR") = DYAD_DATA_DIR;
  py::class_<Engine>(m, "Engine", "Models and dictionaries loaded once; thread-safe.")
      .def(py::init<const std::string&, const std::string&, bool, bool>(), py::arg("dictionaries"),
           py::arg("models"), py::arg("code_negated"), py::arg("allow_no_target"),
           "Loads the models and dictionaries (a dictionary set spec such as 'dyad:DIR').")
      .def("code", &Engine::Code, py::arg("record"),
           "Codes one JSONL record ({'id', 'text', 'date', ...} as JSON); returns the CLI's JSONL "
           "event lines.")
      .def("code_batch", &Engine::CodeBatch, py::arg("records"), py::arg("threads"),
           "Codes JSONL records on C++ threads without the GIL; returns one JSONL string per "
           "record, in order. threads <= 0: one per core.")
      .def("parse", &Engine::Parse, py::arg("record"),
           "Segments, tags and parses one JSONL record; returns CoNLL-U.");
}
