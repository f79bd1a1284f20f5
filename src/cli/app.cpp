#include "tco/cli/app.hpp"

#include <algorithm>
#include <csignal>
#include <exception>
#include <istream>
#include <ostream>

#include "command.hpp"
#include "console.hpp"
#include "tco/core/suggest.hpp"

namespace tco {
namespace {

// The deepest (sub)command that was named on the command line: where an error belongs.
CLI::App* named_command(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands()) {
    if (sub->parsed()) return named_command(*sub);
  }
  return &app;
}

std::string command_path(const CLI::App* command) {
  std::string path;
  for (const CLI::App* at = command; at != nullptr; at = at->get_parent())
    path = at->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

// CLI11's messages in the house style: what was expected, what was found, and a suggestion.
std::string describe_parse_error(const CLI::ParseError& error, const CLI::App& command) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    for (const auto& extra : command.remaining()) {
      if (extra.rfind("-", 0) == 0) {
        const std::string name = extra.substr(0, extra.find('='));
        return "unknown option '" + name + "'" + did_you_mean(name, option_names(command));
      }
      return "unexpected argument '" + extra + "'";
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && !command.get_subcommands({}).empty()) {
    std::vector<std::string> names;
    for (const CLI::App* sub : command.get_subcommands({})) names.push_back(sub->get_name());
    const auto extras = command.remaining();
    if (!extras.empty() && extras.front().rfind("-", 0) != 0) {
      return "unknown command '" + extras.front() + "'" + did_you_mean(extras.front(), names) + "; " +
             command_path(&command) + " commands are " + quoted_list(names);
    }
    return "missing a command: " + command_path(&command) + " takes " + quoted_list(names);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    constexpr std::string_view kRequired = " is required";
    if (what.size() > kRequired.size() &&
        what.compare(what.size() - kRequired.size(), kRequired.size(), kRequired) == 0) {
      const std::string name = what.substr(0, what.size() - kRequired.size());
      for (const CLI::Option* option : command.get_options()) {
        if (option->get_name() == name && option->get_positional())
          return "missing " + option->get_type_name() + ": " + command_path(&command) + " needs it";
      }
    }
  }
  // "--format: nope not in {table,json}" -> "expected one of 'table' or 'json', found 'nope'".
  const auto not_in = what.find(" not in {");
  const auto colon = what.find(": ");
  if (not_in != std::string::npos && colon != std::string::npos && colon < not_in && what.back() == '}') {
    const std::string found = what.substr(colon + 2, not_in - colon - 2);
    std::vector<std::string> allowed;
    const std::string list = what.substr(not_in + 9, what.size() - not_in - 10);
    for (std::size_t start = 0; start <= list.size();) {
      const auto comma = std::min(list.find(',', start), list.size());
      allowed.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    return what.substr(0, colon) + ": expected one of " + quoted_list(allowed) + ", found '" + found + "'" +
           did_you_mean(found, allowed);
  }
  return what;
}

// The whole program over one console: parse, run the subcommand, map what escapes to exit 3.
int run_app(int argc, char** argv, cli::Console& console) {
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
        console.error(std::string("unknown command '") + argv[1] + "'" + did_you_mean(argv[1], names) +
                      "; commands are " + quoted_list(names));
        console.err() << "Run 'tco --help' for usage.\n";
        return kExitInvalidInput;
      }
    }
    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& e) {
      // --help and --version: CLI11 prints the help of the (sub)command that asked for it.
      return app.exit(e, console.out(), console.err());
    } catch (const CLI::ParseError& e) {
      const CLI::App* command = named_command(app);
      console.error(describe_parse_error(e, *command));
      console.err() << "Run '" << command_path(command) << " --help' for usage.\n";
      return kExitInvalidInput;
    }
    for (auto& [sub, command] : commands) {
      if (sub->parsed()) return command->run(console);
    }
    return kExitInvalidInput;
  } catch (const std::exception& e) {
    console.err() << "tco: internal error: " << e.what() << "\n";
    return kExitInternalError;
  }
}

}  // namespace

int run_tco(int argc, char** argv) {
  // A reader that stops early (`tco compare ... | head`) must not kill tco with SIGPIPE: the
  // write fails with EPIPE instead, output stops quietly, and the exit status is still the
  // command's own, so a breached gate is not hidden by the pipe.
  std::signal(SIGPIPE, SIG_IGN);
  cli::ProcessConsole console;
  return run_app(argc, argv, console);
}

int run_tco(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  std::vector<std::string> words{"tco"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  cli::Console console(in, out, err);
  return run_app(static_cast<int>(words.size()), argv.data(), console);
}

}  // namespace tco
