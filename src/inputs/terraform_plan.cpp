// Reading `terraform show -json PLANFILE`: the document checked to be a plan of Terraform 1.x,
// its managed resource changes with their actions, and each one's provider region found
// through the configuration (tco(1), TERRAFORM).
#include "tco/inputs/terraform_plan.hpp"

#include <map>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {
namespace {

// Terraform 0.12 to 1.0.0 write format_version 0.1, 1.0.1 to 1.0.11 0.2, 1.1 1.0, 1.2 to 1.4
// 1.1, later releases 1.2. A minor version adds keys, which a reader ignores; a major version
// would change meanings, so 0.x and 1.x are read (as hashicorp/terraform-json reads them).
bool readable_format(const std::string& version) {
  return version.size() >= 3 && (version.starts_with("0.") || version.starts_with("1.")) &&
         version.find_first_not_of("0123456789.") == std::string::npos;
}

// Whether the object that starts at `text`'s '{' has "format_version" as its first key. Terraform
// writes it first in every document of `terraform show -json`, and alone in the state of an
// empty workspace, which has no "terraform_version". No scenario or saved tco result has the key
// (each would refuse it as unknown), so it cannot take one of theirs for Terraform's.
bool format_version_first(std::string_view text) {
  const auto key = text.find_first_not_of(" \t\r\n", 1);
  return key != std::string_view::npos && text.substr(key).starts_with("\"format_version\"");
}

std::optional<PlanAction> action_of(const std::vector<std::string>& actions) {
  if (actions.size() == 2 && ((actions[0] == "delete" && actions[1] == "create") ||
                              (actions[0] == "create" && actions[1] == "delete"))) {
    return PlanAction::replace;
  }
  if (actions.size() != 1) return std::nullopt;
  const std::string& a = actions[0];
  if (a == "create") return PlanAction::create;
  if (a == "update") return PlanAction::update;
  if (a == "no-op") return PlanAction::no_op;
  if (a == "delete" || a == "forget") return PlanAction::remove;  // forget: no longer this config's
  if (a == "read") return PlanAction::read;
  return std::nullopt;
}

// "module.a[0].module.b["x"]" → {"a", "b"}: the module calls of the configuration, without
// the instance keys that count and for_each add.
std::vector<std::string> module_calls_of(std::string_view module_address) {
  std::vector<std::string> calls;
  while (module_address.starts_with("module.")) {
    module_address.remove_prefix(7);
    std::size_t end = 0;
    while (end < module_address.size() && module_address[end] != '.' && module_address[end] != '[') ++end;
    calls.emplace_back(module_address.substr(0, end));
    module_address.remove_prefix(end);
    if (module_address.starts_with("[")) {
      // Skip the key, which may hold dots inside its quotes.
      bool quoted = false;
      std::size_t i = 1;
      for (; i < module_address.size(); ++i) {
        if (module_address[i] == '"') quoted = !quoted;
        if (!quoted && module_address[i] == ']') break;
      }
      module_address.remove_prefix(std::min(i + 1, module_address.size()));
    }
    if (module_address.starts_with(".")) module_address.remove_prefix(1);
  }
  return calls;
}

class PlanReader {
 public:
  PlanReader(const JsonValue& document, std::string file) : doc_(document), file_(std::move(file)) {}

  Result<TerraformPlan> read() {
    if (!doc_.is_object()) {
      return fail(doc_.where, "", fmt::format("expected the JSON object `terraform show -json PLAN` writes, found {}",
                                              describe(doc_)));
    }
    if (!is_plan()) return d_;
    plan_.file = file_;
    plan_.terraform_version = doc_.text_of("terraform_version").value_or("");
    const JsonValue* changes = doc_.find("resource_changes");
    if (changes != nullptr && !changes->is_array()) {
      return fail(changes->where, "resource_changes", fmt::format("expected an array, found {}", describe(*changes)));
    }
    if (changes != nullptr) {
      for (std::size_t i = 0; i < changes->items.size(); ++i) change(changes->items[i], i);
    }
    if (d_.has_errors()) return d_;
    return Result<TerraformPlan>(std::move(plan_), std::move(d_));
  }

 private:
  Diagnostics fail(const SourceLocation& where, const std::string& path, const std::string& message) {
    d_.error(where, path, message);
    return d_;
  }

  bool is_plan() {
    const JsonValue* version = doc_.find("format_version");
    const bool plan_keys = doc_.find("resource_changes") != nullptr || doc_.find("planned_values") != nullptr;
    if (!plan_keys) {
      std::string what = "it has no 'planned_values' or 'resource_changes'";
      if (doc_.find("values") != nullptr || doc_.find("lineage") != nullptr || doc_.find("serial") != nullptr) {
        what = "it is a Terraform state, not a plan";
      } else if (version != nullptr && doc_.members.size() == 1) {
        // What `terraform show -json` prints with no plan file and no resources in the state.
        what = "it is an empty Terraform state ('format_version' alone), not a plan";
      }
      fail(doc_.where, "",
           fmt::format("this is not a Terraform plan: {}; save one with `terraform plan -out=PLAN` and give the "
                       "output of `terraform show -json PLAN`",
                       what));
      return false;
    }
    if (version == nullptr || !version->is_string()) {
      fail(version != nullptr ? version->where : doc_.where, "format_version",
           "expected the plan's format_version, a string such as \"1.2\"");
      return false;
    }
    if (!readable_format(version->text)) {
      fail(version->where, "format_version",
           fmt::format("tco reads plans of Terraform 0.12 to 1.x (format_version 0.x or 1.x); this one is format_version "
                       "\"{}\"",
                       version->text));
      return false;
    }
    plan_.format_version = version->text;
    return true;
  }

  // A member that must be a string; reports and returns none otherwise.
  std::optional<std::string> string_member(const JsonValue& object, const char* key, const std::string& path) {
    const JsonValue* value = object.find(key);
    if (value != nullptr && value->is_string()) return value->text;
    d_.error(value != nullptr ? value->where : object.where, path + "." + key,
             value != nullptr ? fmt::format("expected a string, found {}", describe(*value))
                              : "expected a string; found none");
    return std::nullopt;
  }

  void change(const JsonValue& item, std::size_t index) {
    const std::string path = fmt::format("resource_changes[{}]", index);
    if (!item.is_object()) {
      d_.error(item.where, path, fmt::format("expected a resource change, an object; found {}", describe(item)));
      return;
    }
    if (item.text_of("mode").value_or("managed") != "managed") return;  // data sources cost nothing
    TerraformResourceChange out;
    out.where = item.where;
    const auto address = string_member(item, "address", path);
    const auto type = string_member(item, "type", path);
    const auto name = string_member(item, "name", path);
    out.module_address = item.text_of("module_address").value_or("");
    out.provider_name = item.text_of("provider_name").value_or("");
    const JsonValue* change = item.find("change");
    if (change == nullptr || !change->is_object()) {
      d_.error(change != nullptr ? change->where : item.where, path + ".change",
               "expected the change, an object with 'actions'");
      return;
    }
    const auto action = actions(*change, path + ".change");
    if (!address || !type || !name || !action) return;
    // Terraform names each resource instance once; a second would be a second workload of the
    // same name.
    if (const auto [earlier, added] = seen_.emplace(*address, item.where.line); !added) {
      d_.error(item.where, path + ".address",
               fmt::format("'{}' is listed twice (first at line {})", *address, earlier->second));
      return;
    }
    out.address = *address;
    out.type = *type;
    out.name = *name;
    out.action = *action;
    for (auto [key, target] : {std::pair{"before", &out.before}, std::pair{"after", &out.after},
                               std::pair{"after_unknown", &out.after_unknown}}) {
      if (const JsonValue* value = change->find(key)) *target = *value;
    }
    out.provider_region = provider_region(out);
    if (const JsonValue* configured = configured_resource(out)) {
      if (const JsonValue* expressions = configured->find("expressions")) collect_references(*expressions, out.references);
    }
    plan_.changes.push_back(std::move(out));
  }

  std::optional<PlanAction> actions(const JsonValue& change, const std::string& path) {
    const JsonValue* list = change.find("actions");
    std::vector<std::string> names;
    if (list != nullptr && list->is_array()) {
      for (const auto& item : list->items) names.push_back(item.is_string() ? item.text : describe(item));
    }
    if (list == nullptr || !list->is_array()) {
      d_.error(list != nullptr ? list->where : change.where, path + ".actions",
               "expected the list of actions, such as [\"create\"]");
      return std::nullopt;
    }
    const auto action = action_of(names);
    if (!action) {
      d_.error(list->where, path + ".actions",
               fmt::format("expected one of [\"create\"], [\"update\"], [\"no-op\"], [\"delete\"], [\"read\"], "
                           "[\"forget\"], [\"delete\", \"create\"] or [\"create\", \"delete\"]; found [{}]",
                           join(names, ", ")));
    }
    return action;
  }

  static void collect_references(const JsonValue& value, std::vector<std::string>& out) {
    for (const auto& [key, member] : value.members) {
      if (key == "references" && member.is_array()) {
        for (const auto& item : member.items) {
          if (item.is_string()) out.push_back(item.text);
        }
      } else {
        collect_references(member, out);
      }
    }
    for (const auto& item : value.items) collect_references(item, out);
  }

  // The configuration's resource entry for a change: its module calls walked from the root.
  const JsonValue* configured_resource(const TerraformResourceChange& change) const {
    const JsonValue* configuration = doc_.find("configuration");
    const JsonValue* module = configuration != nullptr ? configuration->find("root_module") : nullptr;
    for (const auto& call : module_calls_of(change.module_address)) {
      const JsonValue* calls = module != nullptr ? module->find("module_calls") : nullptr;
      const JsonValue* called = calls != nullptr ? calls->find(call) : nullptr;
      module = called != nullptr ? called->find("module") : nullptr;
    }
    const JsonValue* resources = module != nullptr ? module->find("resources") : nullptr;
    if (resources == nullptr || !resources->is_array()) return nullptr;
    const std::string address = change.type + "." + change.name;
    for (const auto& resource : resources->items) {
      if (resource.text_of("address") == address) return &resource;
    }
    return nullptr;
  }

  // The region a provider configuration states, as a constant or a root variable's value.
  std::optional<std::string> region_of(const JsonValue& provider) const {
    const JsonValue* expressions = provider.find("expressions");
    const JsonValue* region = expressions != nullptr ? expressions->find("region") : nullptr;
    if (region == nullptr) return std::nullopt;
    if (auto constant = region->text_of("constant_value")) return constant;
    const JsonValue* references = region->find("references");
    if (references == nullptr || !references->is_array()) return std::nullopt;
    const JsonValue* variables = doc_.find("variables");
    for (const auto& reference : references->items) {
      if (!reference.is_string() || !reference.text.starts_with("var.") || variables == nullptr) continue;
      const JsonValue* variable = variables->find(reference.text.substr(4));
      if (variable != nullptr) {
        if (auto value = variable->text_of("value")) return value;
      }
    }
    return std::nullopt;
  }

  std::optional<std::string> provider_region(const TerraformResourceChange& change) const {
    const JsonValue* configuration = doc_.find("configuration");
    const JsonValue* providers = configuration != nullptr ? configuration->find("provider_config") : nullptr;
    if (providers == nullptr || !providers->is_object()) return std::nullopt;
    std::string key;
    if (const JsonValue* resource = configured_resource(change)) key = resource->text_of("provider_config_key").value_or("");
    // Without a key of its own the resource uses its provider's default configuration.
    const auto slash = change.provider_name.rfind('/');
    if (key.empty()) key = change.provider_name.substr(slash == std::string::npos ? 0 : slash + 1);
    if (const JsonValue* provider = providers->find(key)) return region_of(*provider);
    // A module's provider passed down or inherited: "module.pool:aws" or "pool:aws" → "aws".
    if (const auto colon = key.rfind(':'); colon != std::string::npos) {
      if (const JsonValue* provider = providers->find(key.substr(colon + 1))) return region_of(*provider);
    }
    return std::nullopt;
  }

  const JsonValue& doc_;
  std::string file_;
  TerraformPlan plan_;
  std::map<std::string, int> seen_;  // addresses, and the line each was first listed at
  Diagnostics d_;
};

}  // namespace

std::string to_string(PlanAction action) {
  switch (action) {
    case PlanAction::create:
      return "create";
    case PlanAction::update:
      return "update";
    case PlanAction::no_op:
      return "no-op";
    case PlanAction::remove:
      return "delete";
    case PlanAction::replace:
      return "replace";
    case PlanAction::read:
      break;
  }
  return "read";
}

bool looks_like_terraform_plan(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  // Captured through setup-terraform's wrapper: refused by the reader, with the fix.
  if (text.substr(first).starts_with(kTerraformWrapperLine)) {
    return text.find("\"terraform_version\"") != text.npos || text.find("\"format_version\"") != text.npos;
  }
  if (text[first] != '{') return false;
  // Keys Terraform writes first in plans and states; a scenario or a saved tco result has neither.
  return format_version_first(text.substr(first)) ||
         text.substr(first, 4096).find("\"terraform_version\"") != std::string_view::npos;
}

Result<TerraformPlan> read_terraform_plan(InputStream& in) {
  auto document = read_json_document(in);
  if (!document) {
    Diagnostics d;
    for (Diagnostic item : document.diagnostics().items()) {
      // Text where the JSON should start: most often `terraform plan`'s own output, saved instead.
      if (item.where.line <= 2 && item.message.find("expected") != std::string::npos && in.bytes_read() > 0 &&
          item.message.find("truncated") == std::string::npos) {
        item.message += "; tco reads the JSON of `terraform show -json PLAN`, not `terraform plan`'s text";
      }
      d.add(std::move(item));
    }
    return d;
  }
  return PlanReader(document.value(), in.name()).read();
}

}  // namespace tco
