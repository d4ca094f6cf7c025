// Runs the dyad binary for the CLI tests and captures its exit status, stdout and stderr.
#ifndef DYAD_TESTS_CLI_TEST_UTIL_H_
#define DYAD_TESTS_CLI_TEST_UTIL_H_

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace dyad::testing {

// A fresh directory per test (removed afterwards) and a way to write input files into it.
class CliTempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad_cli.XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::filesystem::path p = std::filesystem::path(dir_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string dir_;
};

struct CliResult {
  int status = -1;
  std::string out, err;
};

// Runs `dyad ARGS` through the shell (ARGS may hold redirections).
inline CliResult Dyad(const std::string& args) {
  static int counter = 0;
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string out = (dir / ("dyad_cli_out." + std::to_string(::getpid()) + "." + std::to_string(counter))).string();
  const std::string err = (dir / ("dyad_cli_err." + std::to_string(::getpid()) + "." + std::to_string(counter++))).string();
  int status = std::system((std::string(DYAD_BINARY) + " " + args + " >" + out + " 2>" + err).c_str());
  CliResult r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream o, e;
  o << std::ifstream(out).rdbuf();
  e << std::ifstream(err).rdbuf();
  r.out = o.str();
  r.err = e.str();
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

}  // namespace dyad::testing

#endif  // DYAD_TESTS_CLI_TEST_UTIL_H_
