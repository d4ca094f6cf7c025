// dyad train tagger|parser: trains the nlp models from CoNLL-U treebanks.
//
// Training is single-threaded and deterministic: the same data, options and seed give a
// byte-identical model file. The model embeds the command line and the CRC-32 of each input
// file, so a shipped model can be traced to the exact command that produced it.
#include <cstdio>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.h"
#include "io/conllu.h"
#include "nlp/clusters.h"
#include "nlp/model_io.h"
#include "nlp/pipeline.h"
#include "text/tokenizer.h"

namespace dyad::tools {

namespace {

struct TrainOptions {
  std::string train, dev, output, tagger_model, parser_model, input_model, wordnet = "/usr/share/wordnet";
  std::string tagged_output;  // train parser: also write the jackknifed training treebank here
  std::string clusters_file;  // word classes for the tagger's and parser's features ('' for none)
  std::string tagger_clusters_file;  // parser: word classes of the jackknife taggers
  int min_weight = 1;  // prune: drop weights below this (int16 scale, largest = 32000)
  int epochs = 0;  // 0: the model's default
  int tagger_epochs = nlp::TaggerOptions().epochs;
  int jackknife = 4;
  double explore = nlp::ParserOptions().explore;
  std::vector<std::string> text;  // clusters: unlabeled text files
  nlp::ClusterOptions clusters;
  uint64_t seed = 1;
  std::string command_line;
};

void Log(std::string_view line) {
  std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  std::fflush(stderr);
}

StatusOr<std::vector<model::Document>> ReadTreebank(const std::string& path, std::string& info) {
  if (path.empty()) return std::vector<model::Document>();
  DYAD_ASSIGN_OR_RETURN(std::string bytes, nlp::ReadFileBytes(path));
  info += fmt::format(" {} (crc32 {:08x}, {} bytes);", path, nlp::Crc32(bytes), bytes.size());
  return io::ParseConllu(bytes, path);
}

// WordNet's word classes for the tagger's unknown-word features (none when `dir` is empty).
StatusOr<nlp::WordnetClasses> ReadWordnet(const std::string& dir) {
  if (dir.empty()) return nlp::WordnetClasses();
  return nlp::ReadWordnetClasses(dir);
}

int Fail(const Status& s) {
  std::fprintf(stderr, "dyad train: %s\n", s.ToString().c_str());
  return 1;
}

// The word classes of --clusters (null when not given).
StatusOr<std::shared_ptr<const nlp::WordClusters>> ReadClusters(const std::string& path, std::string& info) {
  if (path.empty()) return std::shared_ptr<const nlp::WordClusters>();
  DYAD_ASSIGN_OR_RETURN(std::string bytes, nlp::ReadFileBytes(path));
  info += fmt::format(" {} (crc32 {:08x}, {} bytes);", path, nlp::Crc32(bytes), bytes.size());
  StatusOr<nlp::WordClusters> clusters = nlp::WordClusters::Parse(bytes);
  if (!clusters.ok()) return clusters.status().WithContext(path);
  return std::make_shared<const nlp::WordClusters>(std::move(*clusters));
}

int TrainTagger(const TrainOptions& o) {
  std::string info = "dyad " + o.command_line + "; data:";
  auto train = ReadTreebank(o.train, info);
  if (!train.ok()) return Fail(train.status());
  auto dev = ReadTreebank(o.dev, info);
  if (!dev.ok()) return Fail(dev.status());
  auto wordnet = ReadWordnet(o.wordnet);
  if (!wordnet.ok()) return Fail(wordnet.status());
  auto clusters = ReadClusters(o.clusters_file, info);
  if (!clusters.ok()) return Fail(clusters.status());
  nlp::TaggerOptions options;
  options.wordnet = &*wordnet;
  options.clusters = clusters->get();
  if (o.epochs > 0) options.epochs = o.epochs;
  options.seed = o.seed;
  nlp::TaggerModel m;
  m.info = info;
  m.tagger = nlp::Tagger::Train(*train, *dev, options, Log);
  m.uses_clusters = *clusters != nullptr;
  nlp::AttachClusters(m, *clusters);
  auto lemmatizer = nlp::Lemmatizer::Train(*train, o.wordnet, Log);
  if (!lemmatizer.ok()) return Fail(lemmatizer.status());
  m.lemmatizer = std::move(*lemmatizer);
  if (Status s = nlp::SaveTaggerModel(o.output, m); !s.ok()) return Fail(s);
  Log(fmt::format("wrote {}", o.output));
  return 0;
}

int TrainParser(const TrainOptions& o) {
  std::string info = "dyad " + o.command_line + "; data:";
  auto train = ReadTreebank(o.train, info);
  if (!train.ok()) return Fail(train.status());
  auto dev = ReadTreebank(o.dev, info);
  if (!dev.ok()) return Fail(dev.status());
  std::optional<nlp::TaggerModel> tagger;
  if (!o.tagger_model.empty()) {
    auto t = nlp::LoadTaggerModel(o.tagger_model);
    if (!t.ok()) return Fail(t.status());
    tagger = std::move(*t);
  }
  // The jackknife taggers must have the shipped tagger's features, WordNet's included.
  auto wordnet = ReadWordnet(o.wordnet);
  if (!wordnet.ok()) return Fail(wordnet.status());
  auto clusters = ReadClusters(o.clusters_file, info);
  if (!clusters.ok()) return Fail(clusters.status());
  auto tagger_clusters = ReadClusters(o.tagger_clusters_file, info);
  if (!tagger_clusters.ok()) return Fail(tagger_clusters.status());
  nlp::TaggerOptions tagger_options;
  tagger_options.wordnet = &*wordnet;
  tagger_options.clusters = tagger_clusters->get();
  tagger_options.epochs = o.tagger_epochs;
  tagger_options.seed = o.seed;
  std::vector<model::Document> tagged = nlp::JackknifeTags(*train, o.jackknife, tagger_options, Log);
  if (!o.tagged_output.empty()) {
    std::string conllu;
    for (const model::Document& d : tagged) io::AppendConllu(d, conllu);
    if (Status s = nlp::WriteFileBytes(o.tagged_output, conllu); !s.ok()) return Fail(s);
    Log(fmt::format("wrote {}", o.tagged_output));
  }
  nlp::ParserOptions options;
  if (o.epochs > 0) options.epochs = o.epochs;
  options.seed = o.seed;
  options.explore = o.explore;
  options.clusters = clusters->get();
  nlp::ParserModel m;
  m.info = info;
  m.parser = nlp::Parser::Train(tagged, *dev, tagger ? &tagger->tagger : nullptr, options, Log);
  m.uses_clusters = *clusters != nullptr;
  if (Status s = nlp::SaveParserModel(o.output, m); !s.ok()) return Fail(s);
  Log(fmt::format("wrote {}", o.output));
  return 0;
}

// Word classes from unlabeled text: the sentence column of TSV files (header "...\tsentence",
// tokenized by dyad's tokenizer) and the FORM column of CoNLL-U files.
int TrainClusters(const TrainOptions& o) {
  std::string info = "dyad " + o.command_line + "; data:";
  nlp::ClusterCorpus corpus;
  std::vector<std::string_view> words;
  std::vector<text::RawToken> tokens;
  for (const std::string& path : o.text) {
    auto bytes = nlp::ReadFileBytes(path);
    if (!bytes.ok()) return Fail(bytes.status());
    info += fmt::format(" {} (crc32 {:08x}, {} bytes);", path, nlp::Crc32(*bytes), bytes->size());
    if (path.ends_with(".conllu")) {
      auto docs = io::ParseConllu(*bytes, path);
      if (!docs.ok()) return Fail(docs.status());
      for (const model::Document& d : *docs) {
        for (const model::Sentence& s : d.sentences) {
          words.clear();
          for (const model::Token& t : d.Tokens(s)) words.push_back(d.Form(t));
          corpus.AddSentence(words);
        }
      }
      continue;
    }
    std::string_view rest = *bytes;
    bool header = true;
    while (!rest.empty()) {
      size_t eol = rest.find('\n');
      std::string_view line = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
      if (std::exchange(header, false)) continue;
      size_t tab = line.rfind('\t');
      std::string_view sentence = tab == std::string_view::npos ? line : line.substr(tab + 1);
      tokens.clear();
      text::Tokenize(sentence, tokens);
      words.clear();
      for (const text::RawToken& t : tokens) words.push_back(sentence.substr(t.start, t.end - t.start));
      corpus.AddSentence(words);
    }
  }
  nlp::WordClusters clusters = nlp::WordClusters::Train(corpus, o.clusters, Log);
  if (Status s = clusters.Save(o.output, info); !s.ok()) return Fail(s);
  Log(fmt::format("wrote {} ({} words)", o.output, clusters.num_words()));
  return 0;
}

// Rewrites a parser model without its weights below --min-weight: a smaller file that loads
// faster, for a small cost in accuracy (figures in data/models/README.md).
int PruneParser(const TrainOptions& o) {
  // Parsed, not loaded: the word classes of a parser that uses them are not needed here.
  auto bytes = nlp::ReadFileBytes(o.parser_model);
  if (!bytes.ok()) return Fail(bytes.status());
  auto m = nlp::ParseParserModel(*bytes, o.min_weight);
  if (!m.ok()) return Fail(m.status().WithContext(o.parser_model));
  m->info += fmt::format("; then dyad {}", o.command_line);
  if (Status s = nlp::SaveParserModel(o.output, *m); !s.ok()) return Fail(s);
  Log(fmt::format("wrote {} ({} features)", o.output, m->parser.num_features()));
  return 0;
}

// Rewrites a tagger or parser model file in the current format version (the weights are
// unchanged: the model gives the same output). Old versions load more slowly; see
// doc/model-format.md.
int ResaveModel(const TrainOptions& o) {
  auto bytes = nlp::ReadFileBytes(o.input_model);
  if (!bytes.ok()) return Fail(bytes.status());
  const std::string note = fmt::format("; then dyad {}", o.command_line);
  Status s;
  if (bytes->starts_with(nlp::kTaggerMagic)) {
    auto m = nlp::ParseTaggerModel(*bytes);
    if (!m.ok()) return Fail(m.status().WithContext(o.input_model));
    m->info += note;
    s = nlp::SaveTaggerModel(o.output, *m);
  } else {
    auto m = nlp::ParseParserModel(*bytes);
    if (!m.ok()) return Fail(m.status().WithContext(o.input_model));
    m->info += note;
    s = nlp::SaveParserModel(o.output, *m);
  }
  if (!s.ok()) return Fail(s);
  Log(fmt::format("wrote {} (model format version {})", o.output, nlp::kModelFormatVersion));
  return 0;
}

void AddCommonOptions(CLI::App* cmd, TrainOptions* o) {
  cmd->add_option("--train", o->train, "Training treebank (CoNLL-U)")->required();
  cmd->add_option("--dev", o->dev, "Development treebank (CoNLL-U): accuracy is logged per epoch");
  cmd->add_option("-o,--output", o->output, "Model file to write")->required();
  cmd->add_option("--epochs", o->epochs, "Training epochs (default: the model's)");
  cmd->add_option("--seed", o->seed, "Random seed (shuffling, exploration)")->capture_default_str();
}

}  // namespace

void AddTrainCommand(CLI::App& app, CommandRunner* run) {
  auto o = std::make_shared<TrainOptions>();
  CLI::App* cmd = app.add_subcommand("train", "Train an nlp model (tagger+lemmatizer, or parser) from CoNLL-U");
  cmd->require_subcommand(1);
  CLI::App* tagger = cmd->add_subcommand("tagger", "Train the POS tagger and lemmatizer");
  AddCommonOptions(tagger, o.get());
  tagger->add_option("--wordnet", o->wordnet, "Directory of WordNet's *.exc and index.* files ('' for none)")
      ->capture_default_str();
  tagger->add_option("--clusters", o->clusters_file,
                     "Word classes (dyad train clusters) for features; the model then needs them as "
                     "en-clusters.bin beside it");
  CLI::App* parser = cmd->add_subcommand("parser", "Train the dependency parser");
  AddCommonOptions(parser, o.get());
  parser->add_option("--tagger", o->tagger_model, "Tagger model used to tag --dev (else gold tags)");
  parser->add_option("--jackknife", o->jackknife, "Folds for jackknife tagging of --train (< 2: gold tags)")
      ->capture_default_str();
  parser->add_option("--tagger-epochs", o->tagger_epochs, "Epochs of the jackknife taggers")
      ->capture_default_str();
  parser->add_option("--wordnet", o->wordnet, "Directory of WordNet's index.* files for the jackknife taggers ('' for none)")
      ->capture_default_str();
  parser->add_option("--explore", o->explore, "Probability of following a wrong prediction after epoch 1")
      ->capture_default_str();
  parser->add_option("--write-tagged", o->tagged_output,
                     "Also write the jackknifed training treebank (CoNLL-U): train on it with --jackknife 1 "
                     "to skip the jackknife taggers in experiments");
  parser->add_option("--clusters", o->clusters_file,
                     "Word classes for the parser's features; the model then needs them as en-clusters.bin "
                     "beside it");
  parser->add_option("--tagger-clusters", o->tagger_clusters_file,
                     "Word classes of the jackknife taggers (as the --tagger model's --clusters)");
  auto set_command_line = [o](std::string_view which) {
    o->command_line = fmt::format("train {} --train {}{} -o {}{} --seed {}", which, o->train,
                                  o->dev.empty() ? "" : " --dev " + o->dev, o->output,
                                  o->epochs > 0 ? fmt::format(" --epochs {}", o->epochs) : "", o->seed);
  };
  tagger->callback([o, run, set_command_line] {
    set_command_line("tagger");
    if (!o->clusters_file.empty()) o->command_line += " --clusters " + o->clusters_file;
    *run = [o] { return TrainTagger(*o); };
  });
  parser->callback([o, run, set_command_line] {
    set_command_line("parser");
    o->command_line += fmt::format(" --jackknife {} --tagger-epochs {}{} --explore {}", o->jackknife,
                                   o->tagger_epochs, o->tagger_model.empty() ? "" : " --tagger " + o->tagger_model,
                                   o->explore);
    if (!o->clusters_file.empty()) o->command_line += " --clusters " + o->clusters_file;
    if (!o->tagger_clusters_file.empty()) o->command_line += " --tagger-clusters " + o->tagger_clusters_file;
    *run = [o] { return TrainParser(*o); };
  });
  CLI::App* prune = cmd->add_subcommand("prune", "Rewrite a parser model without its smallest weights");
  prune->add_option("--parser", o->parser_model, "Parser model to prune")->required();
  prune->add_option("--min-weight", o->min_weight, "Drop weights whose magnitude is below this (of 32000)")
      ->required();
  prune->add_option("-o,--output", o->output, "Model file to write")->required();
  prune->callback([o, run] {
    o->command_line = fmt::format("train prune --parser {} --min-weight {} -o {}", o->parser_model, o->min_weight,
                                  o->output);
    *run = [o] { return PruneParser(*o); };
  });
  CLI::App* clusters = cmd->add_subcommand("clusters", "Word classes from unlabeled text (exchange algorithm)");
  clusters->add_option("--text", o->text, "TSV files with a sentence column last, or CoNLL-U files")->required();
  clusters->add_option("-o,--output", o->output, "Cluster file to write")->required();
  clusters->add_option("--classes", o->clusters.classes, "Classes of the finest level (coarser: /4, /16)")
      ->capture_default_str();
  clusters->add_option("--min-count", o->clusters.min_count, "Words rarer than this get no class")
      ->capture_default_str();
  clusters->callback([o, run] {
    o->command_line = fmt::format("train clusters --text {} -o {} --classes {} --min-count {}",
                                  fmt::join(o->text, " "), o->output, o->clusters.classes, o->clusters.min_count);
    *run = [o] { return TrainClusters(*o); };
  });
  CLI::App* resave = cmd->add_subcommand("resave", "Rewrite a tagger or parser model in the current file format");
  resave->add_option("--model", o->input_model, "Model file to read (any supported format version)")->required();
  resave->add_option("-o,--output", o->output, "Model file to write")->required();
  resave->callback([o, run] {
    o->command_line = fmt::format("train resave --model {} -o {}", o->input_model, o->output);
    *run = [o] { return ResaveModel(*o); };
  });
}

}  // namespace dyad::tools
