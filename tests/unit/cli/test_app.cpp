// The command line in-process: run_tco over string streams gives what the binary gives.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "tco/cli/app.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The words of a golden case's `args` line as the shell splits them: blanks separate words,
// quotes ('...' and "...") group them. That is all the cases use.
std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : line) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

struct Outcome {
  int status = 0;
  std::string out;
  std::string err;
};

Outcome run(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  const int status = tco::run_tco(args, in, out, err);
  return {status, out.str(), err.str()};
}

// Runs from the source tree, as the golden cases do, and goes back after.
struct InSourceTree {
  InSourceTree() : previous(fs::current_path()) { fs::current_path(TCO_SOURCE_DIR); }
  ~InSourceTree() { fs::current_path(previous); }
  InSourceTree(const InSourceTree&) = delete;
  InSourceTree& operator=(const InSourceTree&) = delete;
  fs::path previous;
};

}  // namespace

TEST_CASE("run_tco in-process gives every golden case's stdout, stderr and exit code", "[cli]") {
  InSourceTree here;
  // As tests/golden/run-case.sh runs the binary.
  ::unsetenv("TCO_PRICING_DIR");
  ::unsetenv("NO_COLOR");
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator("tests/golden/cases"))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() > 200);
  // The slowest cases (several seconds each under the sanitizers) are left to the binary's own
  // golden tests: they run the same code, and CI has a time budget.
  const std::set<std::string> left_to_the_binary{"bad-alias-bomb", "breakeven-llm-70b",
                                                 "breakeven-llm-70b-baseline-onprem", "breakeven-markdown",
                                                 "bad-many-items"};
  for (const auto& dir : cases) {
    if (left_to_the_binary.count(dir.filename().string()) != 0) continue;
    INFO("golden case " << dir.filename().string());
    const std::string input = fs::exists(dir / "stdin") ? read_file(dir / "stdin") : "";
    const Outcome outcome = run(shell_words(read_file(dir / "args")), input);
    CHECK(std::to_string(outcome.status) + "\n" == read_file(dir / "exit-code"));
    CHECK(outcome.out == read_file(dir / "stdout"));
    CHECK(outcome.err == read_file(dir / "stderr"));
  }
}

TEST_CASE("run_tco reads standard input from the stream it is given", "[cli]") {
  InSourceTree here;
  const Outcome outcome = run({"validate", "-"}, read_file("scenarios/research-team.yaml"));
  CHECK(outcome.status == tco::kExitOk);
  CHECK(outcome.out == "-: ok (scenario research-team: 2 sites, 1 workloads, 0 datasets, 0 flows, 2 strategies)\n");
}

TEST_CASE("run_tco: usage errors go to the error stream with exit 2, help to the output stream", "[cli]") {
  const Outcome unknown = run({"compair"});
  CHECK(unknown.status == tco::kExitInvalidInput);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("tco: error: unknown command 'compair', did you mean 'compare'?") == 0);
  const Outcome help = run({"--help"});
  CHECK(help.status == tco::kExitOk);
  CHECK(help.out.find("Examples:") != std::string::npos);
  CHECK(help.err.empty());
}
