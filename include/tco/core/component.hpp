#pragma once
// The cost components every figure is split into. A vocabulary shared by the scenario
// (budgets name a component), the model (which computes them) and the reports.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tco {

enum class Component { compute, hardware, power, space, maintenance, staff, storage, egress, interconnect };
constexpr std::size_t kComponentCount = 9;
constexpr std::array<Component, kComponentCount> kComponents{
    Component::compute, Component::hardware, Component::power,  Component::space,       Component::maintenance,
    Component::staff,   Component::storage,  Component::egress, Component::interconnect};

std::string to_string(Component component);  // "compute", "hardware", ...
// Every component's name, in kComponents order: for "did you mean" and allowed-value lists.
std::vector<std::string> component_names();
std::optional<Component> parse_component(std::string_view name);

}  // namespace tco
