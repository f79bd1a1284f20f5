// A plan's scenario as YAML: a comment per resource says where in the plan it comes from, and
// the resources not priced are listed, with the reason, as comments at the end.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "../common/yaml.hpp"
#include "tco/core/calendar.hpp"
#include "tco/report/terraform_scenario_yaml.hpp"

namespace tco {
namespace {

class ScenarioWriter {
 public:
  explicit ScenarioWriter(const TerraformScenario& s) : s_(s) {}

  std::string write() {
    header();
    sites();
    workloads();
    datasets();
    flows();
    strategies();
    unpriced();
    return out_;
  }

 private:
  // One line of YAML. A plan's text (an address, an instance type, a file name) may hold any
  // byte: a line break in a comment would end it, and the rest would be read as YAML, so control
  // bytes are written escaped (values are quoted by yaml::quoted, which escapes them already).
  void line(int indent, const std::string& text) {
    out_ += std::string(static_cast<std::size_t>(indent), ' ');
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte == 0x7f) {
        out_ += fmt::format("\\x{:02x}", byte);
      } else {
        out_ += c;
      }
    }
    out_ += '\n';
  }

  void header() {
    line(0, fmt::format("# The scenario of the Terraform plan {}{}, written by tco scenario from-terraform.",
                        s_.plan_file, s_.usage_file.empty() ? "" : " with the usage file " + s_.usage_file));
    line(0, "# Strategy 'planned' runs each GPU resource on the instance type the plan names; 'owned', when the");
    line(0, "# usage file names hardware, runs the same GPUs on it. Edit freely: it is a scenario like any other.");
    line(0, "schema_version: 2");
    line(0, "name: " + yaml::quoted(s_.plan_file));
    line(0, "start: " + format_year_month(s_.start));
    line(0, "horizon: " + s_.horizon);
    line(0, "baseline: planned");
  }

  void sites() {
    line(0, "sites:");
    for (const auto& site : s_.sites) {
      std::string text = fmt::format("{{kind: cloud, provider: {}, region: {}, pricing: {}", site.provider,
                                     yaml::key(site.region), site.spot ? "spot" : "on-demand");
      if (site.spot) {
        text += ", spot: {restart: " + s_.spot_restart;
        if (!s_.spot_interruption_every.empty()) text += ", interruption_every: " + s_.spot_interruption_every;
        text += "}";
      }
      for (const auto& link : s_.interconnects) {
        if (link.site != site.name) continue;
        line(2, fmt::format("# {}: {} port{} {}, {}:{}", fmt::join(link.addresses, ", "), link.count,
                            link.count == 1 ? "" : "s", link.port, link.where.file, link.where.line));
        text += fmt::format(", interconnect: {{port: {}, count: {}, to: owned}}", yaml::key(link.port), link.count);
      }
      line(2, yaml::key(site.name) + ": " + text + "}");
    }
    if (!s_.owned_hardware.empty()) {
      std::string text = "{kind: onprem, hardware: " + yaml::key(s_.owned_hardware);
      for (const auto& [key, value] : s_.owned_site) text += ", " + key + ": " + value;
      line(2, "owned: " + text + "}");
    }
  }

  void workloads() {
    if (s_.workloads.empty()) return;
    line(0, "workloads:");
    for (const auto& w : s_.workloads) {
      line(2, fmt::format("# {}: {} × {} ({} GPU{}), {}:{}", w.type, w.instances, w.instance, w.gpus,
                          w.gpus == 1 ? "" : "s", w.where.file, w.where.line));
      std::string text = fmt::format("{{kind: {}, gpu: {}, gpus: {}", w.kind, w.gpu, w.gpus);
      if (!w.utilization.empty()) text += ", utilization: " + w.utilization;
      if (!w.useful_work.empty()) text += ", useful_work: " + w.useful_work;
      line(2, yaml::key(w.address) + ": " + text + "}");
    }
  }

  void datasets() {
    if (s_.buckets.empty()) return;
    line(0, "datasets:");
    for (const auto& b : s_.buckets) {
      line(2, fmt::format("# {}, {}:{}", b.type, b.where.file, b.where.line));
      std::string text = fmt::format("{{size: {}, origin: {}", b.size, yaml::key(b.site));
      if (!b.growth.empty()) text += ", growth: " + b.growth;
      if (!b.storage_class.empty()) text += ", storage_class: " + b.storage_class;
      line(2, yaml::key(b.address) + ": " + text + "}");
    }
  }

  void flows() {
    if (s_.flows.empty()) return;
    line(0, "flows:");
    line(2, "# from the usage file " + s_.usage_file);
    for (const auto& f : s_.flows) {
      std::string text = fmt::format("{{from: {}, to: {}, size: {}, ", yaml::key(f.from), yaml::key(f.to), f.size);
      text += f.once.empty() ? "every: " + f.every : "once: " + f.once;
      line(2, yaml::key(f.name) + ": " + text + "}");
    }
  }

  // The capacity the plan reserves: held by the plan, not by the owned alternative.
  void reservations() {
    if (s_.reservations.empty()) return;
    line(4, "reservations:");
    for (const auto& r : s_.reservations) {
      line(6, fmt::format("# {}: {} × {}, {}:{}", r.type, r.count, r.instance, r.where.file, r.where.line));
      std::string text = fmt::format("- {{name: {}, site: {}, instance: {}, count: {}", yaml::key(r.address),
                                     yaml::key(r.site), yaml::key(r.instance), r.count);
      if (!r.ends.empty()) text += ", ends: " + r.ends;
      line(6, text + "}");
    }
  }

  void strategy(const std::string& name, const std::string& description, bool owned) {
    line(2, name + ":");
    line(4, "description: " + yaml::quoted(description));
    if (!s_.workloads.empty()) {
      line(4, "workloads:");
      for (const auto& w : s_.workloads) {
        // Owned hardware runs only work of its own GPU model; the rest stays as planned.
        const bool fits = s_.owned_gpu.empty() || w.gpu == s_.owned_gpu;
        if (owned && !fits)
          line(6, fmt::format("# as planned: {} has {}, not {}", s_.owned_hardware, s_.owned_gpu, w.gpu));
        line(6,
             yaml::key(w.address) + ": " +
                 (owned && fits ? "owned"
                                : fmt::format("{{site: {}, instance: {}}}", yaml::key(w.site), yaml::key(w.instance))));
      }
    }
    if (!s_.buckets.empty()) {
      line(4, "datasets:");
      for (const auto& b : s_.buckets) line(6, yaml::key(b.address) + ": " + yaml::key(b.site));
    }
    if (!owned) reservations();
  }

  void strategies() {
    line(0, "strategies:");
    strategy("planned", "the resources as the plan leaves them", false);
    if (!s_.owned_hardware.empty() && !s_.workloads.empty()) {
      strategy("owned", "the same GPUs on owned " + s_.owned_hardware + " servers", true);
    }
  }

  void unpriced() {
    if (s_.unpriced.empty()) return;
    line(0, "# Not priced:");
    for (const auto& u : s_.unpriced) {
      line(0, fmt::format("#   {} ({}:{}): {}", u.address, u.where.file, u.where.line, u.reason));
    }
  }

  const TerraformScenario& s_;
  std::string out_;
};

}  // namespace

std::string render_terraform_scenario_yaml(const TerraformScenario& scenario) {
  return ScenarioWriter(scenario).write();
}

}  // namespace tco
