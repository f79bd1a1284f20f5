// tco schema FORMAT: the JSON Schema of a scenario, a price sheet or an overlay, rendered from
// the declarations the readers validate with, for editors (yaml-language-server).
#include "command.hpp"
#include "output.hpp"
#include "tco/inputs/input_format.hpp"
#include "tco/report/input_schema_json.hpp"

namespace tco::cli {
namespace {

class SchemaCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    std::vector<std::string> names;
    for (const InputFormat* format : input_formats()) names.push_back(format->name);
    app.add_option("format", format_, "scenario (tco-scenario(5)), prices or overlay (tco-prices(5))")
        ->required()
        ->check(CLI::IsMember(names).description(""))  // the help names them
        ->type_name("FORMAT");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    app.footer(
        "Prints a JSON Schema (draft-07) generated from the declarations tco reads these files with: every\n"
        "key with its documentation, required keys, allowed values and the units of each quantity. Point an\n"
        "editor's YAML extension at it, or name it in a comment of the file:\n"
        "  # yaml-language-server: $schema=../schemas/scenario.schema.json\n"
        "The schemas are installed under share/tco/schemas. Exit status: 0; 2 for an unknown FORMAT or a FILE\n"
        "that cannot be written.\n\n"
        "Examples:\n"
        "  tco schema scenario\n"
        "  tco schema prices -o schemas/prices.schema.json\n"
        "  tco schema overlay -o my-prices/overlay.schema.json");
  }

  int run(Console& console) override {
    const InputFormat* format = find_input_format(format_);
    if (format == nullptr) return kExitInternalError;  // CLI11 checked the name
    return print_report(console, input_schema_renderers(), "json", *format, {}, output_);
  }

 private:
  std::string format_;
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_schema_command() { return std::make_unique<SchemaCommand>(); }

}  // namespace tco::cli
