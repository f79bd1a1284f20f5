// Writing a sheet as YAML. Each value is written in the unit the provider bills (per GiB or
// GB as the sheet's billing_gb says, per hour, per month), rounded to 10 significant digits,
// which keeps every digit the price files publish and drops the noise of base-unit arithmetic.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/calendar.hpp"
#include "tco/report/price_sheet_yaml.hpp"
#include "../common/yaml.hpp"

namespace tco {
namespace {


std::string yaml_number(double value) { return yaml::number(value); }
std::string yaml_quoted(std::string_view text) { return yaml::quoted(text); }
std::string yaml_key(std::string_view text) { return yaml::key(text); }

class SheetWriter {
 public:
  explicit SheetWriter(const PriceSheet& sheet) : sheet_(sheet), gb_(bytes_per_gb(sheet.billing_gb)) {}

  std::string per_byte(double value) const {
    return yaml_number(value * gb_) + " " + sheet_.currency + "/" + gb_name(sheet_.billing_gb);
  }
  std::string per_byte_month(double value) const { return per_byte(value) + "-month"; }
  std::string per_hour(double value) const { return yaml_number(value) + " " + sheet_.currency + "/h"; }
  std::string size(double bytes) const {
    const bool binary = sheet_.billing_gb == ByteBase::binary;
    const double tb = binary ? gb_ * 1024 : gb_ * 1000;
    if (bytes >= tb && std::fmod(bytes, tb) == 0) return yaml_number(bytes / tb) + (binary ? " TiB" : " TB");
    return yaml_number(bytes / gb_) + " " + gb_name(sheet_.billing_gb);
  }
  static std::string fraction(double value) { return yaml_number(value * 100) + " %"; }
  static std::string hours(double value) {
    if (std::fmod(value, 24) == 0) return yaml_number(value / 24) + " days";
    return yaml_number(value) + " h";
  }

  // {price: TEXT, source: ID, note: "..."}
  static std::string sourced(const char* key, const std::string& text, const Sourced& value) {
    std::string out = fmt::format("{{{}: {}", key, text);
    if (!value.source.empty()) out += ", source: " + yaml_key(value.source);
    if (!value.note.empty()) out += ", note: " + yaml_quoted(value.note);
    return out + "}";
  }

  void line(int indent, const std::string& text) {
    out_ += std::string(static_cast<std::size_t>(indent), ' ') + text + '\n';
  }

  void header(const std::vector<std::string>& comment) {
    for (const auto& text : comment) line(0, text.empty() ? "#" : "# " + text);
    line(0, "schema_version: 1");
    line(0, "provider: " + sheet_.provider);
    line(0, "name: " + yaml_quoted(sheet_.name));
    line(0, "effective_date: " + format_date(sheet_.effective));
    line(0, "currency: " + sheet_.currency);
    line(0, std::string("billing_gb: ") + gb_name(sheet_.billing_gb));
  }

  void sources() {
    line(0, "sources:");
    for (const auto& s : sheet_.sources) {
      line(2, "- id: " + yaml_key(s.id));
      line(4, "title: " + yaml_quoted(s.title));
      line(4, "url: " + yaml_quoted(s.url));
      line(4, "retrieved: " + format_date(s.retrieved));
      line(4, "confidence: " + to_string(s.confidence));
      if (!s.note.empty()) line(4, "note: " + yaml_quoted(s.note));
    }
  }

  void exit_programs() {
    if (sheet_.exit_programs.empty()) return;
    line(0, "exit_programs:");
    for (const auto& p : sheet_.exit_programs) {
      line(2, "- id: " + yaml_key(p.id));
      line(4, "name: " + yaml_quoted(p.name));
      line(4, "covers: " + yaml_quoted(p.covers));
      line(4, "scope: " + yaml_quoted(p.scope));
      if (p.from) line(4, "from: " + format_date(*p.from));
      if (p.until) line(4, "until: " + format_date(*p.until));
      if (!p.regions.empty()) {
        std::string list;
        for (const auto& r : p.regions) list += (list.empty() ? "" : ", ") + yaml_key(r);
        line(4, "regions: [" + list + "]");
      }
      line(4, "conditions:");
      for (const auto& c : p.conditions) line(6, "- " + yaml_quoted(c));
      line(4, "refund: " + sourced("value", fraction(p.refund.value), p.refund));
      if (p.window) line(4, "window: " + sourced("value", hours(p.window->value), *p.window));
    }
  }

  void network(const Network& n) {
    line(4, "network:");
    if (n.ingress) line(6, "ingress: " + sourced("price", per_byte(n.ingress->value), *n.ingress));
    if (n.internet_egress) {
      line(6, "internet_egress:");
      const auto& e = *n.internet_egress;
      std::string free = sourced("value", size(e.free_bytes.value), e.free_bytes);
      if (e.free_scope == AllowanceScope::account) free.insert(free.size() - 1, ", scope: account");
      line(8, "free: " + free);
      line(8, "tiers:");
      for (const auto& tier : e.tiers) {
        std::string text = "- {";
        if (tier.up_to_bytes) text += "up_to: " + size(*tier.up_to_bytes) + ", ";
        text += "price: " + per_byte(tier.price.value);
        if (!tier.price.source.empty()) text += ", source: " + yaml_key(tier.price.source);
        if (!tier.price.note.empty()) text += ", note: " + yaml_quoted(tier.price.note);
        line(10, text + "}");
      }
    }
    if (n.inter_region_default || !n.inter_region_to.empty()) {
      line(6, "inter_region:");
      if (n.inter_region_default) {
        line(8, "default: " + sourced("price", per_byte(n.inter_region_default->value), *n.inter_region_default));
      }
      if (!n.inter_region_to.empty()) {
        line(8, "to:");
        for (const auto& [to, price] : n.inter_region_to) {
          line(10, yaml_key(to) + ": " + sourced("price", per_byte(price.value), price));
        }
      }
    }
    if (n.inter_zone) {
      std::string text = sourced("price", per_byte(n.inter_zone->value), *n.inter_zone);
      if (n.inter_zone_both_directions) text.insert(text.size() - 1, ", both_directions: true");
      line(6, "inter_zone: " + text);
    }
    if (n.interconnect_egress) {
      line(6,
           "interconnect_egress: " + sourced("price", per_byte(n.interconnect_egress->value), *n.interconnect_egress));
    }
    if (!n.interconnect_ports.empty()) {
      line(6, "interconnect_ports:");
      for (const auto& [port, price] : n.interconnect_ports) {
        line(8, yaml_key(port) + ": " + sourced("price", per_hour(price.value), price));
      }
    }
  }

  void regions() {
    line(0, "regions:");
    for (const auto& [id, region] : sheet_.regions) {
      line(2, yaml_key(id) + ":");
      if (!region.name.empty()) line(4, "name: " + yaml_quoted(region.name));
      if (!region.gpu_offers.empty()) {
        line(4, "gpu_instances:");
        for (const auto& offer : region.gpu_offers) {
          line(6, yaml_key(offer.instance) + ":");
          line(8, "gpu: " + offer.gpu);
          line(8, fmt::format("gpus: {}", offer.gpus));
          for (const auto& [model, price] : offer.hourly) {
            line(8, to_string(model) + ": " + sourced("price", per_hour(price.value), price));
          }
          if (const auto& every = offer.interruption_every) {
            line(8, "interruption_every: " + sourced("value", hours(every->value), *every));
          }
        }
      }
      if (!region.storage.empty()) {
        line(4, "storage:");
        for (const auto& [storage_class, price] : region.storage) {
          line(6, to_string(storage_class) + ": " + sourced("price", per_byte_month(price.value), price));
        }
      }
      const Network& n = region.network;
      if (n.ingress || n.internet_egress || n.inter_region_default || !n.inter_region_to.empty() || n.inter_zone ||
          n.interconnect_egress || !n.interconnect_ports.empty()) {
        network(n);
      }
    }
  }

  std::string take() { return std::move(out_); }

 private:
  const PriceSheet& sheet_;
  double gb_;
  std::string out_;
};

}  // namespace

std::string render_price_sheet_yaml(const PriceSheet& sheet, const std::vector<std::string>& comment) {
  SheetWriter writer(sheet);
  writer.header(comment);
  writer.sources();
  writer.exit_programs();
  writer.regions();
  return writer.take();
}

}  // namespace tco
