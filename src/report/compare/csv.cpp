// The comparison as tidy CSV: one value per row, every month, component and basis.
#include "common/csv.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/comparison.hpp"

namespace tco {

std::string render_compare_csv(const ComparisonReport& report) {
  std::string out = csv_row({"scenario", "strategy", "month", "component", "basis", "currency", "amount"});
  for (const auto& column : report.strategies) {
    for (std::size_t month = 0; month < column.monthly_components_cash.size(); ++month) {
      for (const auto& [basis, amounts] : {std::pair{"cash", &column.monthly_components_cash},
                                           std::pair{"amortized", &column.monthly_components_amortized}}) {
        for (Component component : kComponents) {
          out += csv_row({report.scenario_name, column.name, report.month_labels[month], to_string(component), basis,
                          report.currency, format_number((*amounts)[month][static_cast<std::size_t>(component)])});
        }
      }
    }
  }
  return out;
}

}  // namespace tco
