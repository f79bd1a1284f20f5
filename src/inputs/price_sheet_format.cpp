// The sections of a price sheet and an overlay (tco-prices(5)), declared in the order their
// readers ask for their keys. An overlay is a sheet with `kind: overlay`: the same sections.
#include "price_sheet_format.hpp"

#include "tco/inputs/price_sheet.hpp"

namespace tco::sheet_format {
Field default_source(const std::string& of) {
  return optional("source", text(), "The default source of " + of + ": a source id.");
}

std::vector<Field> hardware_fields(const std::function<Shape(Dimension)>& value) {
  return {
      required("name", text(), "What the server is."),
      required("gpu", one_of(gpu_model_names()), "Its GPU model."),
      required("gpus", integer(1, 1024), "GPUs per server."),
      optional("rack_units", integer(1, 64), "Its height in rack units (not used in costs)."),
      required("price", value(Dimension::money), "The purchase price of one server, such as '270000 USD'."),
      required("max_power", value(Dimension::kilowatts), "Its maximum power draw, such as '10.2 kW'."),
      required("idle_power", value(Dimension::kilowatts), "Its power draw when idle, at most max_power."),
  };
}

const Section& top() {
  static const Section declared = mapping(
      "price_sheet",
      "A tco price sheet, or an overlay (kind: overlay): one provider's prices from one date, each with its source",
      {
          required("schema_version", integer(1, 1), "The format version: 1."),
          optional("kind", one_of({"sheet", "overlay"}),
                   "sheet (the default), a full price list, or overlay, a change to a provider's sheets."),
          required("provider", text(), "The provider's id in lower case, its directory's name, such as aws."),
          required("name", text(), "The provider's name for people; for an overlay, a short name for reports."),
          required("effective_date", date(), "The date these prices took effect, YYYY-MM-DD: the file's name."),
          required("currency", one_of({kSupportedCurrency}), "USD."),
          optional("billing_gb", one_of({"GiB", "GB"}),
                   "What the provider bills as a \"GB\": GiB (2^30 bytes) or GB (10^9); required with regions.")
              .needed_with("regions", "what the provider bills as a \"GB\": GiB or GB"),
          required("sources", list_of(section(source())), "The sources the prices cite."),
          optional("regions", section(regions()), "A cloud provider's prices by region."),
          optional("hardware", section(hardware()), "The on-prem catalog's servers, by SKU id."),
          optional("site_defaults", section(site_defaults()),
                   "Values an on-prem site uses when its scenario does not state them."),
          optional("electricity_by_region", section(electricity_by_region()),
                   "Energy prices by US state (US-VA), country (DE) or EU."),
          optional("carbon_intensity", section(carbon_intensity()),
                   "The grid's carbon intensity by region or country."),
          optional("pue_by_facility", section(pue_by_facility()), "Published PUE figures by kind of facility."),
          optional("discounts", list_of(section(discount())), "An overlay's discounts off the prices below it.")
              .when("kind", "overlay"),
          optional("adjustments", list_of(section(adjustment())),
                   "An overlay's changes up or down to the prices below it, such as '+40 %' at a renewal.")
              .when("kind", "overlay"),
          optional("exit_programs", list_of(section(exit_program())),
                   "Programs that refund the egress of a customer who leaves the provider."),
      });
  return declared;
}

const Section& source() {
  static const Section declared =
      mapping("source", "A document prices cite: what it is, where, when it was read and how far to trust it",
              {
                  required("id", text(), "The name prices cite, unique in the sheet, such as vantage-p5."),
                  required("title", text(), "What the document is, precise enough to find the number in it."),
                  required("url", text(), "Where it is."),
                  optional("note", text(), "Free text."),
                  required("retrieved", date(), "The date the figure was read or applies to, YYYY-MM-DD."),
                  required("confidence", one_of({"primary", "secondhand"}),
                           "primary (the provider's own page or price API) or secondhand (anything else)."),
              });
  return declared;
}

const Section& regions() {
  static const Section declared = named_map("regions", "Prices by region", section(region()),
                                            "A region id, as scenarios write it, such as us-east-1");
  return declared;
}

const Section& region() {
  static const Section declared = mapping(
      "region", "One region's prices, each optional: a region lists what was found for it",
      {
          optional("name", text(), "The region's name for people, such as US East (N. Virginia)."),
          default_source("the region's values"),
          optional("gpu_instances", section(gpu_instances()), "GPU instance offers, by instance type."),
          optional("storage", section(storage()), "Object storage prices, per size and month, by storage class."),
          optional("network", section(network()), "Data transfer prices, per size."),
      });
  return declared;
}

const Section& gpu_instances() {
  static const Section declared = named_map("gpu_instances", "GPU instance offers, by instance type",
                                            section(gpu_offer()), "An instance type, such as p5.48xlarge");
  return declared;
}

const Section& gpu_offer() {
  static const Section declared = [] {
    Section out =
        mapping("gpu_offer", "A GPU instance and its hourly prices: at least one of on-demand, spot, 1y and 3y",
                {
                    required("gpu", one_of(gpu_model_names()), "The GPU model."),
                    required("gpus", integer(1, 1024), "GPUs per instance."),
                    default_source("the offer's prices"),
                });
    for (const auto& model : pricing_model_names()) {
      out.fields.push_back(
          optional(model, sourced(Dimension::money_per_hour), "The price per instance-hour, " + model + "."));
    }
    out.fields.push_back(optional("interruption_every", sourced(Dimension::hours),
                                  "The mean time between spot interruptions of one instance, above zero, as the "
                                  "provider reports it: the default of a spot site's interruption_every."));
    return out;
  }();
  return declared;
}

const Section& storage() {
  static const Section declared = [] {
    Section out = mapping("storage", "Object storage prices by storage class", {default_source("the prices")});
    for (const auto& name : storage_class_names()) {
      out.fields.push_back(optional(name, sourced(Dimension::money_per_byte_month),
                                    "The " + name + " class's price per size and month."));
    }
    return out;
  }();
  return declared;
}

}  // namespace tco::sheet_format
