#pragma once

namespace tco {

// Exit codes, fixed for scripts and CI (tco(1), EXIT STATUS).
enum ExitCode : int {
  kExitOk = 0,             // success, or every gate passed
  kExitGateBreached = 1,   // a budget or gate was breached
  kExitInvalidInput = 2,   // invalid input or usage; diagnostics on stderr
  kExitInternalError = 3,  // a bug in tco
};

// The whole program: parses the command line, runs the subcommand, returns the exit code.
int run_tco(int argc, char** argv);

}  // namespace tco
