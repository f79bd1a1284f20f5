#include "tco/cli/app.hpp"

#include <algorithm>
#include <csignal>
#include <exception>
#include <iostream>

#include "command.hpp"
#include "tco/core/suggest.hpp"

namespace tco {

int run_tco(int argc, char** argv) {
  // A reader that stops early (`tco compare ... | head`) must not kill tco with SIGPIPE: the
  // write fails with EPIPE instead, output stops quietly, and the exit status is still the
  // command's own, so a breached gate is not hidden by the pipe.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    CLI::App app{
        "tco: total cost of ownership of AI infrastructure - cloud-only, hybrid and on-prem, from versioned "
        "price sheets and YAML scenarios.",
        "tco"};
    app.set_version_flag("--version", std::string("tco ") + TCO_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  tco compare scenarios/llm-70b.yaml\n"
        "  tco compare scenarios/research-team.yaml --horizon 36 --format json\n"
        "  tco egress 150TiB --from aws:us-east-1 --to internet\n"
        "  tco validate scenarios/*.yaml pricing-data/aws/*.yaml\n\n"
        "Run 'tco COMMAND --help' for a command's options; 'man tco' for the manual.");
    std::vector<std::pair<CLI::App*, std::unique_ptr<cli::Command>>> commands;
    for (const auto& entry : cli::command_registry()) {
      CLI::App* sub = app.add_subcommand(entry.name, entry.summary);
      auto command = entry.make();
      command->configure(*sub);
      commands.emplace_back(sub, std::move(command));
    }
    if (argc > 1 && argv[1][0] != '-') {
      // Name a mistyped command before CLI11 reports only that one is missing.
      std::vector<std::string> names;
      for (const auto& entry : cli::command_registry()) names.emplace_back(entry.name);
      if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
        cli::print_error(std::string("unknown command '") + argv[1] + "'" + did_you_mean(argv[1], names) +
                         "; commands are " + quoted_list(names));
        std::cerr << "Run 'tco --help' for usage.\n";
        return kExitInvalidInput;
      }
    }
    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& e) {
      // --help and --version: CLI11 prints the help of the (sub)command that asked for it.
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      std::string message = e.what();
      cli::print_error(message);
      std::cerr << "Run 'tco --help' for usage.\n";
      return kExitInvalidInput;
    }
    for (auto& [sub, command] : commands) {
      if (sub->parsed()) return command->run();
    }
    return kExitInvalidInput;
  } catch (const std::exception& e) {
    std::cerr << "tco: internal error: " << e.what() << "\n";
    return kExitInternalError;
  }
}

}  // namespace tco
