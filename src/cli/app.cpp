#include "tco/cli/app.hpp"

#include <exception>
#include <iostream>

#include "command.hpp"

namespace tco {

int run_tco(int argc, char** argv) {
  try {
    CLI::App app{"tco: total cost of ownership of AI infrastructure - cloud-only, hybrid and on-prem, from versioned "
                 "price sheets and YAML scenarios.",
                 "tco"};
    app.set_version_flag("--version", std::string("tco ") + TCO_VERSION);
    app.require_subcommand(1);
    app.footer("Examples:\n"
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
