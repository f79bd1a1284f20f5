// A scenario's own pricing directories (tco-scenario(5), pricing_dirs): relative to the
// scenario file, loaded after the bundled sheets and before --pricing-dir, by every command
// that reads a scenario.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "tco/cli/app.hpp"

namespace {

namespace fs = std::filesystem;

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
  InSourceTree() : previous(fs::current_path()) {
    fs::current_path(TCO_SOURCE_DIR);
    ::unsetenv("TCO_PRICING_DIR");
  }
  ~InSourceTree() { fs::current_path(previous); }
  InSourceTree(const InSourceTree&) = delete;
  InSourceTree& operator=(const InSourceTree&) = delete;
  fs::path previous;
};

const std::string kTeam = "tests/golden/inputs/scenario-prices/team-p5.yaml";
const std::string kMissing = "tests/golden/inputs/bad/pricing-dirs-missing.yaml";
const std::string kMissingError =
    "tco: error: tests/golden/inputs/bad/pricing-dirs-missing.yaml:6:16: pricing_dirs[0]: expected a directory of "
    "price sheets, found none at 'tests/golden/inputs/bad/no-such-prices'\n";

}  // namespace

TEST_CASE("every command that reads a scenario loads its pricing_dirs", "[cli]") {
  InSourceTree here;
  const std::vector<std::vector<std::string>> commands{
      {"compare", kMissing},
      {"explain", kMissing, "--strategy", "cloud"},
      {"breakeven", kMissing},
      {"diff", kMissing, kMissing},
      {"check", kMissing},
      {"sweep", kMissing, "--vary", "workloads.train.gpus=8:16:8"},
      {"simulate", kMissing},
      {"sensitivity", kMissing},
      {"exit", kMissing, "--strategy", "cloud"},
      {"report", kMissing},
      {"validate", kMissing},
  };
  for (const auto& args : commands) {
    INFO("tco " << args.front());
    const Outcome outcome = run(args);
    CHECK(outcome.status == 2);
    CHECK(outcome.err == kMissingError);
    CHECK(outcome.out.empty());
  }
}

TEST_CASE("a scenario's prices apply after the bundled sheets, and --pricing-dir after them", "[cli]") {
  InSourceTree here;
  // p5.48xlarge on-demand in us-east-1: 55.04 USD/h in the bundled sheet, 40 in the scenario's
  // prices/, 30 in cli-prices/: 3 months × 730 h × the rate.
  const Outcome own = run({"compare", kTeam});
  REQUIRE(own.status == 0);
  CHECK_THAT(own.out, Catch::Contains("$87,600"));  // 3 × 730 × 40
  const Outcome cli = run({"compare", kTeam, "--pricing-dir", "tests/golden/inputs/scenario-prices/cli-prices"});
  REQUIRE(cli.status == 0);
  CHECK_THAT(cli.out, Catch::Contains("$65,700"));  // 3 × 730 × 30
}

TEST_CASE("a scenario read from standard input names its directories from the working directory", "[cli]") {
  InSourceTree here;
  std::ifstream file(kTeam);
  std::ostringstream text;
  text << file.rdbuf();
  const Outcome outcome = run({"validate", "-"}, text.str());
  CHECK(outcome.status == 2);
  CHECK(outcome.err ==
        "tco: error: -:8:16: pricing_dirs[0]: expected a directory of price sheets, found none at 'prices'\n");
}

TEST_CASE("tco diff of two scenarios with the same pricing_dirs reads one catalog", "[cli]") {
  InSourceTree here;
  const Outcome outcome = run({"diff", kTeam, kTeam});
  CHECK(outcome.status == 0);
  CHECK(outcome.err.empty());
  CHECK_THAT(outcome.out, !Catch::Contains("from prices"));
}
