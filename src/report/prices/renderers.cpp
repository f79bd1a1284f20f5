// The formats of each tco prices report.
#include "tco/report/prices_report.hpp"

namespace tco {

const Renderers<std::vector<SheetSummary>>& price_list_renderers() {
  static const Renderers<std::vector<SheetSummary>> renderers{{Format::table, render_price_list_table},
                                                              {Format::json, render_price_list_json}};
  return renderers;
}

const Renderers<PriceValidation>& price_validation_renderers() {
  static const Renderers<PriceValidation> renderers{{Format::table, render_price_validation_table},
                                                    {Format::json, render_price_validation_json}};
  return renderers;
}

const Renderers<PriceShowReport>& price_show_renderers() {
  static const Renderers<PriceShowReport> renderers{{Format::table, render_price_show_table},
                                                    {Format::json, render_price_show_json}};
  return renderers;
}

const Renderers<PriceDiffReport>& price_diff_renderers() {
  static const Renderers<PriceDiffReport> renderers{{Format::table, render_price_diff_table},
                                                    {Format::json, render_price_diff_json}};
  return renderers;
}

const Renderers<GpuRanking>& gpu_ranking_renderers() {
  static const Renderers<GpuRanking> renderers{{Format::table, render_gpu_ranking_table},
                                               {Format::json, render_gpu_ranking_json}};
  return renderers;
}

}  // namespace tco
