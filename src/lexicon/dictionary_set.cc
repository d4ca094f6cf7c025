#include "lexicon/dictionary_set.h"

#include <algorithm>
#include <filesystem>

#include "lexicon/dyad_format.h"

namespace dyad::lexicon {

namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

struct FolderFiles {
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents, discards, issues, ontology;
};

StatusOr<FolderFiles> ClassifyFolder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError(dir + ": not a folder");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) names.push_back(entry.path().string());
  }
  if (ec) return UnavailableError(dir + ": " + ec.message());
  std::sort(names.begin(), names.end());
  FolderFiles files;
  for (const std::string& path : names) {
    std::string name = Lower(fs::path(path).filename().string());
    if (name.find("license") != std::string::npos || name.find("readme") != std::string::npos ||
        name.ends_with(".xml")) {
      continue;
    }
    if (name.find("actor") != std::string::npos) {
      files.actors.push_back(path);
    } else if (name.find("agent") != std::string::npos) {
      files.agents = path;
    } else if (name.find("discard") != std::string::npos) {
      files.discards = path;
    } else if (name.find("issue") != std::string::npos) {
      files.issues = path;
    } else if (name.find("ontology") != std::string::npos) {
      files.ontology = path;
    } else if (name.find("verb") != std::string::npos || name.starts_with("cameo")) {
      files.verbs = path;
    }
  }
  if (files.verbs.empty()) return NotFoundError(dir + ": no verb dictionary (a file named *verbs* or CAMEO*)");
  if (files.actors.empty()) return NotFoundError(dir + ": no actor dictionary (a file named *actors*)");
  return files;
}

}  // namespace

StatusOr<DictionarySet> LoadDictionarySet(std::string_view spec, const LoadOptions& options) {
  DictionarySet set;
  set.spec = std::string(spec);
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos) {
    return InvalidArgumentError("dictionary set '" + std::string(spec) +
                                "': expected dyad:DIR, petrarch2:DIR, up:DIR, petrarch1:DIR or tabari:FILE.project");
  }
  std::string kind(spec.substr(0, colon));
  std::string path(spec.substr(colon + 1));
  auto* diags = &set.diagnostics;

  if (kind == "dyad") {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".dyad") files.push_back(entry.path().string());
    }
    if (ec) return NotFoundError(path + ": " + ec.message());
    if (files.empty()) return NotFoundError(path + ": no .dyad dictionary files");
    std::sort(files.begin(), files.end());
    DyadDictionaries out{&set.verbs, &set.actors, &set.agents, &set.discards};
    for (const std::string& file : files) {
      DYAD_RETURN_IF_ERROR(LoadDyadDictionary(file, options, out, diags));
    }
    FinishDyadVerbs(&set.verbs);
    return set;
  }

  if (kind == "tabari") {
    DYAD_ASSIGN_OR_RETURN(TabariProject project, LoadTabariProject(path, options, diags));
    if (project.verbs_files.empty() || project.actors_files.empty()) {
      return InvalidArgumentError(path + ": the project names no verbs or no actors file");
    }
    DYAD_ASSIGN_OR_RETURN(set.verbs, LoadLinearVerbs(project.verbs_files[0], VerbFormat::kTabari, options, diags));
    DYAD_ASSIGN_OR_RETURN(set.actors, LoadActors(project.actors_files, options, diags));
    if (!project.agents_files.empty()) {
      DYAD_ASSIGN_OR_RETURN(set.agents, LoadAgents(project.agents_files[0], /*tabari=*/true, options, diags));
    }
    if (!project.options_file.empty() && std::filesystem::exists(project.options_file)) {
      DYAD_ASSIGN_OR_RETURN(set.tabari_options, LoadTabariOptions(project.options_file, options, diags));
    }
    return set;
  }

  VerbFormat format;
  if (kind == "petrarch2") {
    format = VerbFormat::kPetrarch2;
  } else if (kind == "up") {
    format = VerbFormat::kUniversalPetrarch;
  } else if (kind == "petrarch1") {
    format = VerbFormat::kPetrarch1;
  } else {
    return InvalidArgumentError("dictionary set '" + std::string(spec) + "': unknown kind '" + kind +
                                "' (dyad, petrarch2, up, petrarch1, tabari)");
  }
  DYAD_ASSIGN_OR_RETURN(FolderFiles files, ClassifyFolder(path));
  if (format == VerbFormat::kPetrarch1) {
    DYAD_ASSIGN_OR_RETURN(set.verbs, LoadLinearVerbs(files.verbs, format, options, diags));
  } else {
    DYAD_ASSIGN_OR_RETURN(set.verbs, LoadPetrarchVerbs(files.verbs, format, options, diags));
  }
  DYAD_ASSIGN_OR_RETURN(set.actors, LoadActors(files.actors, options, diags));
  if (!files.agents.empty()) {
    DYAD_ASSIGN_OR_RETURN(set.agents, LoadAgents(files.agents, /*tabari=*/false, options, diags));
  }
  if (!files.discards.empty()) {
    DYAD_ASSIGN_OR_RETURN(set.discards, LoadDiscards(files.discards, options, diags));
  }
  if (!files.issues.empty()) {
    DYAD_ASSIGN_OR_RETURN(set.issues, LoadIssues(files.issues, options, diags));
  }
  if (format == VerbFormat::kUniversalPetrarch && !files.ontology.empty()) {
    DYAD_ASSIGN_OR_RETURN(set.ontology, LoadCodingOntology(files.ontology, options, diags));
  }
  return set;
}

}  // namespace dyad::lexicon
