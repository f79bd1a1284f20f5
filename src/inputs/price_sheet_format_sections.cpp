// The network, on-prem catalog, exit program, discount and adjustment sections of a price sheet
// (tco-prices(5)), declared in the order their readers ask for their keys.
#include "price_sheet_format.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco::sheet_format {
namespace {

// A map of user-named entries, each a sourced value, with a `source` key for their default.
Section sourced_map(std::string id, std::string title, Dimension dimension, std::string entry_doc) {
  return named_map(std::move(id), std::move(title), sourced(dimension), std::move(entry_doc),
                   {default_source("its entries")});
}

}  // namespace

const Section& network() {
  static const Section declared = mapping(
      "network", "Data transfer prices, per size",
      {
          default_source("the transfer prices"),
          optional("ingress", sourced(Dimension::money_per_byte), "Data into the region (checked, never charged)."),
          optional("internet_egress", section(internet_egress()),
                   "Data out to the internet, tiered by the month's volume."),
          optional("inter_region", section(inter_region()), "Data to another region of the same provider."),
          optional("inter_zone", sourced(Dimension::money_per_byte, inter_zone()),
                   "Data between availability zones of the region, per direction."),
          optional("interconnect_egress", sourced(Dimension::money_per_byte),
                   "Data out over a private link such as AWS Direct Connect."),
          optional("interconnect_ports", section(interconnect_ports()), "Private link ports and their hourly prices."),
      });
  return declared;
}

const Section& internet_egress() {
  static const Section declared = mapping(
      "internet_egress", "Internet egress: a free allowance a month, then tiers by the month's volume",
      {
          default_source("the allowance and the tiers"),
          required("free", sourced(Dimension::bytes, free_allowance()),
                   "The free allowance per month, a size ('0 GiB' when none), granted to each region unless its "
                   "scope is account."),
          required("tiers", list_of(section(tier()), 1),
                   "Tiers with increasing bounds, cumulative from zero; the last one has no up_to."),
      });
  return declared;
}

const Section& free_allowance() {
  static const Section declared = mapping(
      "free_allowance", "A free allowance with its source, and whom the provider grants it to",
      {
          required("value", quantity(Dimension::bytes), "The allowance per month, a size."),
          optional("scope", one_of({"region", "account"}),
                   "region (the default): each region has its own; account: once a month for the whole account, "
                   "shared by the provider's regions."),
          optional("source", text(), "The id of its source in 'sources'; overrides the one of an enclosing mapping."),
          optional("note", text(), "Free text that explains the figure."),
      });
  return declared;
}

const Section& tier() {
  static const Section declared =
      mapping("tier", "One egress tier: its upper bound and its price per size",
              {
                  default_source("the tier's values"),
                  optional("up_to", sourced(Dimension::bytes),
                           "The tier's upper bound, a size; required in every tier but the last, which has none."),
                  required("price", sourced(Dimension::money_per_byte), "The price per size in this tier."),
                  optional("note", text(), "Free text."),
              });
  return declared;
}

const Section& inter_region() {
  static const Section declared = mapping(
      "inter_region", "Transfer to other regions of the provider: a default price and exceptions",
      {
          default_source("the prices"),
          optional("default", sourced(Dimension::money_per_byte), "The price to any other region."),
          optional("to", section(inter_region_to()), "Prices to particular regions, the exceptions to default."),
      });
  return declared;
}

const Section& inter_region_to() {
  static const Section declared =
      named_map("inter_region_to", "Prices to particular regions", sourced(Dimension::money_per_byte),
                "A destination region id, mapped to its price per size");
  return declared;
}

const Section& inter_zone() {
  static const Section declared = mapping(
      "inter_zone", "An inter-zone price with its source, and whether both directions are charged",
      {
          required("price", quantity(Dimension::money_per_byte), "The price per size, per direction."),
          optional("source", text(), "The id of its source in 'sources'; overrides the one of an enclosing mapping."),
          optional("both_directions", boolean(),
                   "true: the transfer is charged out of one zone and again into the other (AWS); default false."),
          optional("note", text(), "Free text that explains the figure."),
      });
  return declared;
}

const Section& interconnect_ports() {
  static const Section declared = sourced_map("interconnect_ports", "Private link ports and their prices per port-hour",
                                              Dimension::money_per_hour, "A port name, such as dx-10g");
  return declared;
}

const Section& hardware() {
  static const Section declared =
      named_map("hardware", "The catalog's servers, by SKU id", section(hardware_sku()),
                "A SKU id, which scenarios write as an on-prem site's hardware, such as dgx-h100");
  return declared;
}

const Section& hardware_sku() {
  static const Section declared = [] {
    Section out = mapping("hardware_sku", "A server of the catalog", {default_source("the server's values")});
    for (auto& field : hardware_fields([](Dimension d) { return sourced(d); })) out.fields.push_back(std::move(field));
    return out;
  }();
  return declared;
}

const Section& site_defaults() {
  static const Section declared = mapping(
      "site_defaults", "Values an on-prem site uses when its scenario does not state them",
      {
          default_source("the defaults"),
          optional("pue", sourced(Dimension::count), "Power usage effectiveness, a plain number of at least 1.0."),
          optional("electricity", sourced(Dimension::money_per_kwh), "The energy price."),
          optional("colocation", sourced(Dimension::money_per_kw_month),
                   "Rent per kW of the servers' maximum power per month."),
          optional("maintenance", sourced(Dimension::fraction),
                   "Support and maintenance a year, a share of the purchase price, at most 100 %."),
          optional("depreciation_life", sourced(Dimension::hours), "The hardware's life, such as '5 years'."),
          optional("residual_value", sourced(Dimension::fraction),
                   "The value at the end of life, a share of the purchase price, at most 100 %."),
          optional("staff_cost", sourced(Dimension::money_per_year), "The fully loaded cost of one FTE a year."),
      });
  return declared;
}

const Section& electricity_by_region() {
  static const Section declared =
      sourced_map("electricity_by_region", "Energy prices by region", Dimension::money_per_kwh,
                  "US-XX for a U.S. state, a country's ISO code, or EU");
  return declared;
}

const Section& carbon_intensity() {
  static const Section declared = sourced_map("carbon_intensity", "The grid's carbon intensity by region",
                                              Dimension::grams_co2_per_kwh, "A region or country code, such as US");
  return declared;
}

const Section& pue_by_facility() {
  static const Section declared = sourced_map("pue_by_facility", "Published PUE figures by kind of facility",
                                              Dimension::count, "A kind of facility, such as industry-average-2025");
  return declared;
}

const Section& exit_program() {
  static const Section declared = mapping(
      "exit_program", "A program under which the provider refunds the egress of a customer who leaves",
      {
          required("id", text(), "The program's name in reports, unique in the sheet, such as aws-exit."),
          required("name", text(), "What the provider calls it."),
          required("covers", text(), "Which transfers it covers."),
          required("scope", text(), "Where it applies, such as worldwide."),
          optional("from", date(), "The first day of exits it applies to, YYYY-MM-DD; absent: no first day."),
          optional("until", date(), "The day it stops applying (to exits before it), YYYY-MM-DD, after from."),
          optional("regions", names(), "The sheet's regions it covers, by id; absent: every region."),
          default_source("the refund and the window"),
          required("conditions", names(), "The conditions, each a line of text."),
          required("refund", sourced(Dimension::fraction),
                   "The share of the qualifying egress refunded, at most 100 %."),
          optional("window", sourced(Dimension::hours), "The time allowed to complete the move, such as '60 days'."),
          optional("note", text(), "Free text."),
      });
  return declared;
}

namespace {

// A discount and an adjustment differ only by how their percentage is written.
Section price_change(std::string id, std::string title, Field percentage) {
  Shape pricing = names();
  pricing.allowed = pricing_model_names();
  return mapping(
      std::move(id), std::move(title),
      {
          required("service", one_of(price_service_names()), "What it applies to: all, or one service's prices."),
          std::move(percentage),
          optional("regions", names(), "The regions it is limited to (for electricity: electricity_by_region keys)."),
          optional("pricing", pricing, "The pricing models whose GPU instance prices it is limited to."),
          optional("source", text(), "The source id of the agreement, from the overlay's sources (needed)."),
          optional("note", text(), "Free text."),
      });
}

}  // namespace

const Section& discount() {
  static const Section declared = price_change(
      "discount", "A discount off the prices below an overlay",
      required("off", quantity(Dimension::fraction), "The discount, above 0 % and below 100 %, such as '20 %'."));
  return declared;
}

const Section& adjustment() {
  static const Section declared = price_change(
      "adjustment", "A change, up or down, to the prices below an overlay",
      required("change", signed_quantity(Dimension::fraction),
               "The change with its sign, above -100 %, such as '+40 %' (a renewal or a markup) or '-20 %'."));
  return declared;
}

}  // namespace tco::sheet_format
