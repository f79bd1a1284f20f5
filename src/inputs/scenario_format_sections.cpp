// The sites, workloads, datasets and flows of a scenario (tco-scenario(5)), declared in the
// order scenario_sections.cpp asks for their keys.
#include "price_sheet_format.hpp"
#include "scenario_format.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco::scenario_format {

const Section& sites() {
  static const Section declared = named_map("sites", "The sites, by name", section(site()),
                                            "A site's name, which workloads and strategies refer to");
  return declared;
}

const Section& site() {
  static const Section declared = mapping(
      "site", "A site: a provider's cloud region (kind: cloud) or a data center with owned servers (kind: onprem)",
      {
          optional("description", text(), "Free text; tco does not use it."),
          required("kind", one_of({"cloud", "onprem"}), "cloud (a provider's region) or onprem (owned hardware)."),
          optional("relative_time", quantity(Dimension::count),
                   "The time its GPUs take for the work a workload states (schema 2): 0.85 needs 85 % of the "
                   "GPU-hours; default 1."),
          required("provider", text(), "The provider's id, the name of its directory of price sheets, such as aws.")
              .in("cloud"),
          required("region", text(), "A region of the provider's price sheet, such as us-east-1.").in("cloud"),
          optional("zone", text(), "An availability zone; transfers between two zones are charged at inter-zone.")
              .in("cloud"),
          optional("pricing", either({one_of(pricing_model_names()), section(pricing_by_workload())}),
                   "How GPU instances are paid for: on-demand (the default), spot, 1y or 3y; or one per workload.")
              .in("cloud"),
          optional("spot", section(spot()), "Interruptions of spot capacity: needed when a workload runs on spot.")
              .in("cloud"),
          optional("interconnect", section(interconnect()),
                   "A private link (such as AWS Direct Connect) to other sites.")
              .in("cloud"),
          optional("commitments", list_of(section(existing_commitment())),
                   "Commitments the site already holds when the horizon starts, paid until they end.")
              .in("cloud"),
          required("hardware", either({text(), section(inline_hardware())}),
                   "A hardware SKU id of the on-prem catalog, such as dgx-h100, or an inline server.")
              .in("onprem"),
          optional("electricity", stated(Dimension::money_per_kwh),
                   "The price of energy; catalog default: electricity.")
              .in("onprem"),
          optional("pue", stated(Dimension::count), "Power usage effectiveness, at least 1.0; catalog default: pue.")
              .in("onprem"),
          optional("colocation", stated(Dimension::money_per_kw_month),
                   "Rent per kW of the servers' maximum power per month; catalog default: colocation.")
              .in("onprem"),
          optional("maintenance", stated(Dimension::fraction),
                   "Support and maintenance a year, a share of the purchase price; catalog default: maintenance.")
              .in("onprem"),
          optional("depreciation", stated(Dimension::hours),
                   "The hardware's life, at least 1 month, such as '5 years'; catalog default: depreciation_life.")
              .in("onprem"),
          optional("residual_value", stated(Dimension::fraction),
                   "A server's worth at the end of its life, a share of its price; catalog default: residual_value.")
              .in("onprem"),
          optional("staff", stated(Dimension::count), "People running the site, in full-time equivalents (FTE).")
              .in("onprem"),
          optional("staff_cost", stated(Dimension::money_per_year),
                   "The fully loaded cost of one FTE a year; catalog default: staff_cost.")
              .in("onprem"),
          optional("storage", stated(Dimension::money_per_byte_month),
                   "The price of data kept on the site, per size and month, such as '0.01 USD/GB-month'.")
              .in("onprem"),
          optional("egress", stated(Dimension::money_per_byte),
                   "The price of data leaving the site, per size, such as '0.05 USD/GB'.")
              .in("onprem"),
      },
      "kind");
  return declared;
}

const Section& existing_commitment() {
  static const Section declared = mapping(
      "existing_commitment", "A commitment bought before the horizon: GPUs paid every hour until it ends",
      {
          optional("name", text(), "A label for reports; default 'commitment N'."),
          required("gpus", integer(1, 1000000), "The GPUs it holds."),
          required("gpu", text(), "Their GPU model, such as H100; workloads of this model on the site use them first."),
          required("price", quantity(Dimension::money_per_hour), "The price per GPU-hour, such as '2.10 USD/h'."),
          required("ends", year_month(), "The last month it is paid, YYYY-MM."),
          optional("renewal", signed_quantity(Dimension::fraction),
                   "The price change when it is renewed, such as '+40 %'; without it, it is not renewed."),
          optional("term", quantity(Dimension::hours), "The length of each renewal, such as '1 year'; default 1 year."),
      });
  return declared;
}

const Section& pricing_by_workload() {
  static const Section declared =
      named_map("pricing_by_workload", "How GPU instances are paid for, per workload", one_of(pricing_model_names()),
                "'default' (every other workload), or a workload's name");
  return declared;
}

const Section& spot() {
  static const Section declared =
      mapping("spot", "How often spot capacity is interrupted, and what each interruption costs",
              {
                  optional("interruption_every", stated(Dimension::hours),
                           "The mean time between interruptions of one instance, above zero, such as '40 h'; by "
                           "default the price sheet's figure for the instance chosen, where it gives one."),
                  required("restart", stated(Dimension::hours),
                           "The time lost per interruption besides the work redone, such as '0.5 h'."),
              });
  return declared;
}

const Section& interconnect() {
  static const Section declared =
      mapping("interconnect", "A private link from the site to other sites, and its ports",
              {
                  required("port", text(), "A port name from the region's interconnect_ports, such as dx-10g."),
                  optional("count", integer(1, 64), "How many ports, 1 (the default) to 64."),
                  required("to", names(), "The site, or a list of sites, the link reaches."),
              });
  return declared;
}

const Section& inline_hardware() {
  static const Section declared = [] {
    Section out = mapping("inline_hardware", "A server the catalog does not have, such as a vendor's quote", {});
    out.fields.push_back(optional("source", text(), "Free text: where the figures come from."));
    for (auto& field : sheet_format::hardware_fields([](Dimension d) { return stated(d); }))
      out.fields.push_back(std::move(field));
    return out;
  }();
  return declared;
}

const Section& workloads() {
  static const Section declared = named_map("workloads", "The workloads, by name", section(workload()),
                                            "A workload's name, which strategies place");
  return declared;
}

const Section& workload() {
  static const Section declared = mapping(
      "workload", "A training or inference workload: its GPUs and when it uses them",
      {
          optional("description", text(), "Free text; tco does not use it."),
          required("kind", one_of({"training", "inference"}), "training or inference."),
          required("gpu", one_of(gpu_model_names()), "The GPU model."),
          optional("gpus", integer(1, 1000000), "GPUs used at once; required unless the demand gives them.")
              .needed_unless({"gpu_hours_per_month", "tokens_per_month"}, "GPUs used at once"),
          optional("runs", section(runs()), "Repeated runs of gpus GPUs; without a schedule, it runs continuously."),
          optional("gpu_hours_per_month", stated(Dimension::count),
                   "GPU-hours allocated each month, a plain number; instead of runs."),
          optional("tokens_per_month", stated(Dimension::count),
                   "Tokens to process each month, a plain number such as 5e11, with tokens_per_second_per_gpu."),
          optional("tokens_per_second_per_gpu", stated(Dimension::count),
                   "The throughput of one busy GPU in tokens per second, above zero."),
          optional("utilization", stated(Dimension::fraction),
                   "Schema 2: the share of every hour of its GPUs a continuous workload occupies, above 0 % and at "
                   "most 100 % (the default). Schema 1: the useful-work share, useful_work in schema 2."),
          optional("useful_work", stated(Dimension::fraction),
                   "Schema 2: the share of the occupied GPU time doing useful work, above 0 % and at most 100 % (the "
                   "default)."),
          optional("start", year_month(), "The first month the workload is active, YYYY-MM; default: the scenario's."),
          optional("duration", quantity(Dimension::hours),
                   "How many months it stays active, a whole number such as '3 months'; default: to the end."),
          optional("checkpoints", section(checkpoints()), "Training state saved at intervals, and copied off-site."),
          optional("reads", names(), "A dataset's name, or a list of them, copied to the site the workload runs on."),
      });
  return declared;
}

const Section& runs() {
  static const Section declared = mapping(
      "runs", "Repeated runs: exactly one of every or per_month, and each run's duration",
      {
          optional("every", stated(Dimension::hours), "The time between the starts of runs, such as '3.65 days'."),
          optional("per_month", stated(Dimension::count), "Runs per month, a plain number such as 4."),
          required("duration", stated(Dimension::hours), "The length of one run, such as '6.25 h'."),
      });
  return declared;
}

const Section& checkpoints() {
  static const Section declared = mapping(
      "checkpoints", "Checkpoints: how large, how often, how many kept, and where copied",
      {
          required("parameters", stated(Dimension::count), "The model's parameter count, a plain number such as 70e9."),
          optional("bytes_per_parameter", stated(Dimension::count),
                   "Bytes of checkpoint per parameter; the default is 14 (mixed-precision Adam)."),
          required("every", stated(Dimension::hours), "The interval between checkpoints, above zero, such as '4 h'."),
          optional("keep", integer(1, 100000), "How many of the newest checkpoints stay stored; the default is 1."),
          optional("replicate_to", names(), "A site, or a list of sites, that receive a copy of every checkpoint."),
      });
  return declared;
}

const Section& datasets() {
  static const Section declared =
      named_map("datasets", "The datasets, by name", section(dataset()), "A dataset's name, which workloads read");
  return declared;
}

const Section& dataset() {
  static const Section declared =
      mapping("dataset", "A dataset: its size, growth, home site and how its copies are refreshed",
              {
                  optional("description", text(), "Free text; tco does not use it."),
                  required("size", stated(Dimension::bytes), "The size in the first month, such as '100 TB'."),
                  optional("growth", stated(Dimension::fraction), "Growth per month, compounding; the default is 0 %."),
                  required("origin", text(), "The site that holds the dataset today."),
                  optional("storage_class", one_of(storage_class_names()),
                           "The object storage class priced at cloud sites; the default is standard."),
                  optional("refresh", section(refresh()),
                           "How copies at the sites that read it are kept up to date; without it, one full copy."),
              });
  return declared;
}

const Section& refresh() {
  static const Section declared =
      mapping("refresh", "Refreshes of a dataset's copies: exactly one of every or per_month, and the share changed",
              {
                  optional("every", stated(Dimension::hours), "The time between refreshes, such as '1 week'."),
                  optional("per_month", stated(Dimension::count), "Refreshes per month, a plain number."),
                  optional("changed", stated(Dimension::fraction),
                           "The share of the dataset sent per refresh, at most 100 % (the default, a full copy)."),
              });
  return declared;
}

const Section& flows() {
  static const Section declared =
      named_map("flows", "Other data moved, by name", section(flow()), "A flow's name, for reports");
  return declared;
}

const Section& flow() {
  static const Section declared = mapping(
      "flow", "Data moved that is not a dataset or a checkpoint: exactly one of once or every",
      {
          optional("description", text(), "Free text; tco does not use it."),
          required("from", text(),
                   "Where the data leaves: a site's name (or site:NAME), workload:NAME or dataset:NAME."),
          required("to", text(), "Where it goes: as for from, or internet."),
          required("size", stated(Dimension::bytes), "The size of one transfer, such as '140 GB'."),
          optional("once", year_month(), "The month, YYYY-MM, of a single transfer."),
          optional("every", stated(Dimension::hours), "The time between transfers, such as '1 month'."),
          optional("strategies", names(), "A strategy's name, or a list of them; the default is every strategy."),
      });
  return declared;
}

}  // namespace tco::scenario_format
