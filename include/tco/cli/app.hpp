#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace tco {

// Exit codes, fixed for scripts and CI (tco(1), EXIT STATUS).
enum ExitCode : int {
  kExitOk = 0,             // success, or every gate passed
  kExitGateBreached = 1,   // a budget or gate was breached
  kExitInvalidInput = 2,   // invalid input or usage; diagnostics on stderr
  kExitInternalError = 3,  // a bug in tco
};

// The whole program: parses the command line, runs the subcommand, returns the exit code.
// Reads standard input, writes standard output and standard error.
int run_tco(int argc, char** argv);
// The same in-process, over the given streams: `args` without the program name. What the
// binary would write to standard output and standard error goes to `out` and `err`, so a
// command can be tested without spawning the binary.
int run_tco(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace tco
