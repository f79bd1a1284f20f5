// The top level of a scenario, its uncertainty, strategies and budgets (tco-scenario(5)),
// declared in the order the readers ask for their keys.
#include "scenario_format.hpp"

#include <map>

#include "tco/core/component.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco::scenario_format {
namespace {

// What each service of price_trends and price_uncertainty covers; the names themselves, and
// their order, are the model's (price_service_names()).
std::string service_doc(const std::string& service) {
  static const std::map<std::string, std::string> docs{
      {"all", "every price of every sheet"},
      {"compute", "GPU instance prices"},
      {"storage", "storage prices"},
      {"network", "ingress, internet egress, inter-region, inter-zone and interconnect transfer prices"},
      {"interconnect", "interconnect port prices"},
      {"hardware", "the on-prem catalog's server prices"},
      {"electricity", "the on-prem catalog's electricity prices"},
      {"colocation", "the on-prem catalog's colocation price"},
  };
  const auto it = docs.find(service);
  return it == docs.end() ? service : it->second;
}

}  // namespace

const Section& top() {
  static const Section declared = mapping(
      "scenario",
      "A tco scenario: the sites, workloads, datasets and flows of an AI infrastructure question, and the strategies "
      "compared",
      {
          required("schema_version", integer(1, 2),
                   "The format version: 2, or 1 for files whose workloads' utilization is the useful-work share."),
          required("name", text(), "The scenario's name, shown in reports."),
          optional("description", text(), "One line about the question the scenario asks, shown in reports."),
          required("start", year_month(), "The first month of the horizon, YYYY-MM."),
          required("horizon", quantity(Dimension::hours),
                   "How long to evaluate: a whole number of months from 1 month to 30 years, such as '5 years'."),
          optional("hours_per_month", one_of({"730", "calendar"}),
                   "730 (8760 h / 12, the default) or calendar (each month's real hours)."),
          optional("currency", one_of({kSupportedCurrency}), "USD, the default and the only currency supported."),
          optional("discount_rate", stated(Dimension::fraction),
                   "The annual discount rate for NPV and the discounted break-even, 0 % (the default) to 100 %."),
          optional("as_of", date(), "A date, YYYY-MM-DD, whose prices apply to every month of the horizon."),
          optional("pricing_dirs", names(),
                   "Directories of price sheets and overlays the scenario brings, relative to its file: loaded after "
                   "the bundled sheets, before --pricing-dir."),
          optional("price_trends", section(price_trends()),
                   "How prices change a year beyond each provider's newest sheet, per service."),
          optional("drivers", section(drivers()),
                   "Named draws that uncertain values share, so that they move together."),
          optional("price_uncertainty", section(price_uncertainty()),
                   "The uncertain relative change of every price of a service, a distribution centred on 0 %."),
          optional("baseline", text(),
                   "The strategy the others are compared with; default cloud-only if defined, else the first."),
          required("sites", section(sites()), "The places that can run work or hold data, by name."),
          optional("workloads", section(workloads()),
                   "The training and inference workloads, by name; none when only data is priced."),
          optional("datasets", section(datasets()), "The datasets workloads read, by name."),
          optional("strategies", section(strategies()),
                   "Where each strategy places workloads and datasets; without it, cloud-only, hybrid and on-prem."),
          optional("flows", section(flows()), "Other data moved: weights released, responses sent, logs shipped."),
          optional("budgets", list_of(section(budget())), "Spending limits that tco check and tco diff enforce."),
      });
  return declared;
}

const Section& price_trends() {
  static const Section declared = [] {
    Section out =
        mapping("price_trends", "The annual change of prices beyond each provider's newest sheet, by service", {});
    for (const auto& service : price_service_names()) {
      out.fields.push_back(optional(service, signed_quantity(Dimension::fraction),
                                    "The annual change of " + service_doc(service) + ", -90 % to +100 %."));
    }
    return out;
  }();
  return declared;
}

const Section& drivers() {
  static const Section declared =
      named_map("drivers", "Drivers: uncertain values that name the same one are drawn at the same quantile", text(),
                "A driver's name, mapped to a one-line description of it");
  return declared;
}

const Section& price_uncertainty() {
  static const Section declared = [] {
    Section out =
        mapping("price_uncertainty",
                "The uncertain relative change of every price of a service: a distribution centred on 0 %", {});
    for (const auto& service : price_service_names()) {
      out.fields.push_back(optional(service, distribution(Dimension::fraction, true),
                                    "A distribution of the change of " + service_doc(service) + ", above -100 %."));
    }
    return out;
  }();
  return declared;
}

const Section& strategies() {
  static const Section declared = named_map("strategies", "The strategies compared, by name", section(strategy()),
                                            "A strategy's name, such as cloud-only, hybrid or on-prem");
  return declared;
}

const Section& strategy() {
  static const Section declared = mapping(
      "strategy", "A strategy: where it runs every workload, and where it stores datasets",
      {
          optional("description", text(), "One line, shown in reports."),
          optional("workloads", section(workload_placement()),
                   "Every workload's name, mapped to where it runs; needed when the scenario has workloads."),
          optional("datasets", section(dataset_placement()),
                   "Datasets stored away from their origin in this strategy, mapped to their site."),
          optional("moves", list_of(section(move())),
                   "Changes of placement over the horizon, in the order of their months (schema 2)."),
          optional("exit_programs", boolean(),
                   "Whether a move that leaves a provider gets its exit program's waiver; default true."),
          optional("reservations", list_of(section(reservation())),
                   "Capacity the strategy holds on cloud sites, paid at the on-demand price used or not."),
      });
  return declared;
}

const Section& reservation() {
  static const Section declared = mapping(
      "reservation",
      "Capacity held on a cloud site (such as an EC2 On-Demand Capacity Reservation): instances paid every hour at "
      "their on-demand price, used or not",
      {
          optional("name", text(), "A label for reports; default 'reservation N'."),
          required("site", text(), "The cloud site it holds capacity on."),
          required("instance", text(),
                   "A GPU instance type of the site's region in its price sheet, such as p5.48xlarge; the strategy's "
                   "work of its GPU model on the site runs on it first."),
          optional("count", integer(1, 100000), "How many instances; default 1."),
          optional("ends", year_month(), "The last month it is held, YYYY-MM; default the horizon's last."),
      });
  return declared;
}

const Section& move() {
  static const Section declared = mapping(
      "move", "A move: from the first day of a month, workloads shift to one site, in stages",
      {
          required("at", year_month(), "The month the move starts, YYYY-MM, on its first day."),
          required("to", text(), "The site the work moves to."),
          optional("workloads", names(),
                   "The workloads that move; default every workload the strategy runs, unless datasets are named."),
          optional("datasets", names(), "Datasets whose home moves to the site, with a full copy; default none."),
          optional("pricing", one_of(pricing_model_names()),
                   "How the new site's GPU instances are paid for (a cloud site); default the site's."),
          optional("stages", list_of(section(move_stage())),
                   "Shares of the work on the new site before all of it, such as {share: 5 %, for: 1 day}."),
          optional("failback", quantity(Dimension::hours),
                   "How long the sites left stay provisioned after the cutover, such as '30 days'; default none."),
      });
  return declared;
}

const Section& move_stage() {
  static const Section declared =
      mapping("move_stage", "A stage of a move: a share of the work on the new site, for a time",
              {
                  required("share", quantity(Dimension::fraction), "The share of the work on the new site."),
                  required("for", quantity(Dimension::hours), "How long the stage lasts, such as '2 days'."),
              });
  return declared;
}

const Section& workload_placement() {
  static const Section declared = named_map(
      "workload_placement", "Where a strategy runs each workload", either({text(), section(workload_site())}),
      "A workload's name, mapped to the site it runs on, 'none' (not run in this strategy), {site, pricing, gpus} "
      "or {base, burst} (schema 2)");
  return declared;
}

const Section& workload_site() {
  static const Section declared = mapping(
      "workload_site", "How a strategy provisions a workload: one site, or a base and a burst site (schema 2)",
      {
          optional("site", text(), "The one site that runs all of the workload's demand."),
          optional("pricing", one_of(pricing_model_names()),
                   "How the site's GPU instances are paid for here: on-demand, spot, 1y or 3y (a cloud site)."),
          optional("gpus", integer(1, 1000000),
                   "GPUs provisioned: a 1y or 3y commitment or an owned fleet of this size; default the peak."),
          optional("gpu", text(), "The GPU model at this site, if not the workload's (such as A100-40GB)."),
          optional("instance", text(),
                   "The instance type to rent at a cloud site, such as p5.48xlarge; default the cheapest "
                   "per GPU-hour."),
          optional("relative_time", quantity(Dimension::count),
                   "The time the work takes on it, replacing the site's relative_time for this workload."),
          optional("base", section(base_portion()),
                   "Capacity held on one site (owned, or committed for 1y or 3y); each month's demand fills it first."),
          optional("burst", either({text(), section(burst_portion())}),
                   "The cloud site (on-demand or spot) that runs the rest of each month's demand."),
      });
  return declared;
}

const Section& base_portion() {
  static const Section declared =
      mapping("base_portion", "The base of a split: GPUs held on one site, paid used or not",
              {
                  required("site", text(), "An onprem site, or a cloud site committed for 1y or 3y."),
                  required("gpus", integer(0, 1000000), "GPUs held; 0 sends all the demand to the burst site."),
                  optional("gpu", text(), "The GPU model at this site, if not the workload's (such as A100-40GB)."),
                  optional("instance", text(),
                           "The instance type to rent at a cloud site, such as p5.48xlarge; default the cheapest "
                           "per GPU-hour."),
                  optional("relative_time", quantity(Dimension::count),
                           "The time the work takes on it, replacing the site's relative_time for this workload."),
                  optional("pricing", one_of(pricing_model_names()),
                           "A cloud site's commitment, 1y or 3y; default the site's pricing for the workload."),
              });
  return declared;
}

const Section& burst_portion() {
  static const Section declared =
      mapping("burst_portion", "The burst of a split: a cloud site paid for what the work occupies",
              {
                  required("site", text(), "A cloud site."),
                  optional("pricing", one_of(pricing_model_names()),
                           "on-demand or spot; default the site's pricing for the workload."),
                  optional("gpu", text(), "The GPU model at this site, if not the workload's (such as A100-40GB)."),
                  optional("instance", text(),
                           "The instance type to rent at a cloud site, such as p5.48xlarge; default the cheapest "
                           "per GPU-hour."),
                  optional("relative_time", quantity(Dimension::count),
                           "The time the work takes on it, replacing the site's relative_time for this workload."),
              });
  return declared;
}

const Section& dataset_placement() {
  static const Section declared =
      named_map("dataset_placement", "Where a strategy stores datasets", either({text(), section(dataset_site())}),
                "A dataset's name, mapped to a site's name or to {site, changed}");
  return declared;
}

const Section& dataset_site() {
  static const Section declared =
      mapping("dataset_site", "A dataset's site in a strategy, with the share of it each refresh sends there",
              {
                  required("site", text(), "The site that stores the dataset in this strategy."),
                  optional("changed", stated(Dimension::fraction),
                           "The share of the dataset sent per refresh in this strategy, replacing refresh.changed."),
              });
  return declared;
}

const Section& budget() {
  static const Section declared =
      mapping("budget", "A spending limit on a strategy's total or one of its components",
              {
                  optional("name", text(), "A label for reports; without it the budget is named by its scope."),
                  optional("strategy", text(), "The strategy it limits; without it, every strategy, each on its own."),
                  optional("component", one_of(component_names()), "The component it limits; without it, the total."),
                  optional("basis", one_of({"cash", "amortized"}),
                           "cash (the default: hardware counts when bought) or amortized (spread over its life)."),
                  required("limit", either({quantity(Dimension::money), quantity(Dimension::money_per_month)}),
                           "Over the horizon, such as '150000 USD', or for each month, such as '30000 USD/month'."),
              });
  return declared;
}

}  // namespace tco::scenario_format
