// The peers' validation suites through `dyad validate`: the TABARI suite, PETRARCH's unit-test
// records and UniversalPetrarch's validation records, coded from their text by dyad's own
// segmentation, tagger, parser and coder with each suite's dictionaries. Each test asserts a floor
// at the pass rate dyad reached when the test was written, so a regression fails CI, and prints the
// per-category figures. Targets (the Coder issue): TABARI >= 90%, PETRARCH and UniversalPetrarch
// >= 80% of records exactly right. Skips when ../shared or the models are absent.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace dyad {
namespace {

struct Result {
  int exit_code = -1;
  int passed = -1, failed = -1;
  std::string output;
};

Result RunValidate(const std::string& suite, const std::string& path) {
  Result r;
  std::string cmd = std::string("'") + DYAD_BINARY + "' validate " + suite + " '" + path + "' --models '" +
                    DYAD_SOURCE_DIR + "/data/models' 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::smatch m;
  static const std::regex kLast(R"((\d+) passed, (\d+) failed\s*$)");
  if (std::regex_search(r.output, m, kLast)) {
    r.passed = std::stoi(m[1]);
    r.failed = std::stoi(m[2]);
  }
  return r;
}

class ValidationSuitesEval : public ::testing::Test {
 protected:
  void SetUp() override {
    namespace fs = std::filesystem;
    compat_ = std::string(DYAD_SHARED_DIR) + "/data/compat";
    if (!fs::is_directory(compat_)) GTEST_SKIP() << "no " << compat_ << " (../shared absent)";
    const std::string models = std::string(DYAD_SOURCE_DIR) + "/data/models";
    if (!fs::exists(models + "/en-tagger.bin") || !fs::exists(models + "/en-parser.bin")) {
      GTEST_SKIP() << "no tagger/parser models in " << models;
    }
  }

  // Runs the suite, prints its report and checks the pass rate is at least `floor` (0..1).
  void Check(const std::string& suite, const std::string& folder, double floor) {
    const std::string path = compat_ + "/" + folder;
    if (!std::filesystem::is_directory(path)) GTEST_SKIP() << "no " << path;
    Result r = RunValidate(suite, path);
    std::printf("%s\n", r.output.c_str());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_GE(r.passed, 0) << "no 'N passed, N failed' line";
    const int evaluated = r.passed + r.failed;
    ASSERT_GT(evaluated, 0);
    const double rate = static_cast<double>(r.passed) / evaluated;
    std::printf("%s: %d/%d = %.1f%% (floor %.1f%%)\n", suite.c_str(), r.passed, evaluated, 100 * rate, 100 * floor);
    EXPECT_GE(rate, floor) << suite << " pass rate fell below its floor";
  }

  std::string compat_;
};

// Floors: the figures reached (TABARI 90.3% and PETRARCH 80.9% with TABARI's word-order rules,
// UniversalPetrarch 71.4% over the parse), rounded down (see README.md). Raise them as the coder
// improves.
TEST_F(ValidationSuitesEval, Tabari) { Check("tabari", "tabari-validation", 0.90); }
TEST_F(ValidationSuitesEval, PetrarchUnitTests) { Check("petrarch", "petrarch-unittest", 0.80); }
TEST_F(ValidationSuitesEval, UniversalPetrarch) { Check("up", "universalpetrarch-validate", 0.80); }

}  // namespace
}  // namespace dyad
