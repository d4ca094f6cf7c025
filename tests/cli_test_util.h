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

namespace dyad::testing {

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
