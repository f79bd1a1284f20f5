#pragma once
// What a command prints: a report, in the format --format chose, to standard output or
// atomically to -o FILE. A command names its report and the formats it offers; the renderer
// comes from the report's table (tco/report/format.hpp), so no command branches on the format.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "console.hpp"
#include "tco/cli/app.hpp"
#include "tco/report/format.hpp"

namespace tco::cli {

// Writes `text` to standard output, or atomically to `path` (a temporary file renamed into
// place, so a failed run leaves any earlier file intact). False after reporting why.
bool write_output(Console& console, const std::string& text, const std::string& path);

// --format, with the formats offered as its allowed values (in the order Format lists them)
// and the first as its default.
void add_format_option(CLI::App& app, std::string& format, const std::vector<Format>& formats);

// One report a command can print: the formats that render it, and how to make the text in
// one of them (none after reporting to the console why the report could not be made).
struct ReportOutput {
  std::vector<Format> formats;
  std::function<std::optional<std::string>(Format, const RenderOptions&, Console&)> produce;
};

// A report made by `build` (a callable taking the Console and returning
// std::optional<Report>, none after reporting why) and rendered by `renderers`.
template <typename Report, typename Build>
ReportOutput report_output(const Renderers<Report>& renderers, Build build) {
  return {
      renderers.formats(),
      [renderers, build](Format format, const RenderOptions& options, Console& console) -> std::optional<std::string> {
        const std::optional<Report> report = build(console);
        if (!report) return std::nullopt;
        return renderers.render(format, *report, options);
      }};
}

// The formats of all `outputs`, in the order Format lists them.
std::vector<Format> formats_of(const std::vector<ReportOutput>& outputs);

// Makes the output that offers `format` (a name --format accepted) and writes it to `path`.
// Returns the exit status: ok, invalid input when it could not be written, or the console's
// failure status when the report could not be made.
int print_output(Console& console, const std::vector<ReportOutput>& outputs, const std::string& format,
                 const RenderOptions& options, const std::string& path);

// The same for a command with one report already made.
template <typename Report>
int print_report(Console& console, const Renderers<Report>& renderers, const std::string& format, const Report& report,
                 const RenderOptions& options, const std::string& path) {
  const auto chosen = parse_format(format);
  if (!chosen || !renderers.offers(*chosen)) return kExitInternalError;  // --format admits only offered ones
  return write_output(console, renderers.render(*chosen, report, options), path) ? kExitOk : kExitInvalidInput;
}

}  // namespace tco::cli
