#include "tco/core/component.hpp"

namespace tco {

std::string to_string(Component component) {
  switch (component) {
    case Component::compute:
      return "compute";
    case Component::hardware:
      return "hardware";
    case Component::power:
      return "power";
    case Component::space:
      return "space";
    case Component::maintenance:
      return "maintenance";
    case Component::staff:
      return "staff";
    case Component::storage:
      return "storage";
    case Component::egress:
      return "egress";
    case Component::interconnect:
      return "interconnect";
  }
  return "?";
}

std::vector<std::string> component_names() {
  std::vector<std::string> names;
  for (Component component : kComponents) names.push_back(to_string(component));
  return names;
}

std::optional<Component> parse_component(std::string_view name) {
  for (Component component : kComponents)
    if (to_string(component) == name) return component;
  return std::nullopt;
}

}  // namespace tco
