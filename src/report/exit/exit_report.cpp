#include "tco/report/exit_report.hpp"

namespace tco {

ExitReport make_exit_report(const ModelResult& as_written, const ExitResult& result, bool by_month) {
  ExitReport report;
  report.comparison = make_comparison_report(as_written);
  report.strategy = result.options.strategy;
  report.destination = result.options.to_site.empty() ? "the internet" : "site " + result.options.to_site;
  report.by_month = by_month;
  report.result = result;
  return report;
}

}  // namespace tco
