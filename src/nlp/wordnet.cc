#include "nlp/wordnet.h"

#include <fstream>
#include <map>

#include <fmt/format.h>

namespace dyad::nlp {

StatusOr<WordnetClasses> ReadWordnetClasses(const std::string& dir) {
  const std::pair<const char*, uint8_t> files[] = {
      {"index.noun", kWordnetNoun}, {"index.verb", kWordnetVerb}, {"index.adj", kWordnetAdj}, {"index.adv", kWordnetAdv}};
  std::map<std::string, uint8_t> classes;
  for (const auto& [file, bit] : files) {
    std::string path = dir + "/" + file;
    std::ifstream in(path);
    if (!in) return NotFoundError(fmt::format("{}: cannot open (WordNet index)", path));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the license header lines start with spaces
      std::string word = line.substr(0, line.find(' '));
      if (word.find('_') != std::string::npos) continue;
      classes[word] |= bit;
    }
  }
  return WordnetClasses(classes.begin(), classes.end());
}

}  // namespace dyad::nlp
