// How a run reads its inputs: recording them into a plan, or at other values of a plan's.
#include <fmt/format.h>

#include "engine_internal.hpp"

namespace tco {

EvaluationPlan::EvaluationPlan() : recording(std::make_unique<PlanRecording>()) {}
EvaluationPlan::EvaluationPlan(EvaluationPlan&&) noexcept = default;
EvaluationPlan& EvaluationPlan::operator=(EvaluationPlan&&) noexcept = default;
EvaluationPlan::~EvaluationPlan() = default;

std::optional<std::size_t> EvaluationPlan::find_input(const std::string& path) const {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].path == path) return i;
  }
  return std::nullopt;
}

std::vector<double> EvaluationPlan::nominal_values() const {
  std::vector<double> values;
  values.reserve(inputs.size());
  for (const auto& input : inputs) values.push_back(input.nominal);
  return values;
}

namespace engine {
namespace {

// One input per path and file position: a price projected by a trend is one input in every
// month it prices, a catalog default used by two sites is one input per site.
std::string key_of(const std::string& path, const SourceLocation& where) {
  return fmt::format("{} @ {}:{}:{}", path, where.file, where.line, where.column);
}

std::optional<std::int32_t> find(const EvaluationPlan& plan, const std::string& key) {
  const auto& by_key = plan.recording->input_by_key;
  const auto it = by_key.find(key);
  if (it == by_key.end()) return std::nullopt;
  return it->second;
}

std::int32_t add_input(EvaluationPlan& plan, const std::string& key, PlanInput input) {
  if (const auto known = find(plan, key)) return *known;
  plan.inputs.push_back(std::move(input));
  const auto index = static_cast<std::int32_t>(plan.inputs.size() - 1);
  plan.recording->input_by_key.emplace(key, index);
  return index;
}

// The multiplier of every price of a service: "all compute prices 20 % higher".
std::int32_t service_input(EvaluationPlan& plan, PriceService service) {
  const std::string path = "prices." + to_string(service);
  PlanInput input;
  input.path = path;
  input.dimension = Dimension::count;
  input.relative = true;
  input.nominal = 1;
  input.reference = 1;
  input.service = service;
  return add_input(plan, path, std::move(input));
}

}  // namespace

Val RunInputs::read(const Sourced& value, const std::string& path, const InputSpec& spec) const {
  // A price from a sheet is read relative to the sheet (trend projections, overlay
  // discounts stay applied); a value the scenario states is read as itself.
  const bool relative = !value.source.empty();
  const std::string key = key_of(path, value.where);
  // Its value in this run: as read, or as `values` give it for the plan's same input.
  double now = value.value;
  if (plan != nullptr) {
    if (const auto index = find(*plan, key)) {
      const double own = values[static_cast<std::size_t>(*index)];
      if (!relative) {
        now = own;
      } else {
        const auto service = spec.service ? find(*plan, "prices." + to_string(*spec.service)) : std::nullopt;
        now = value.value * own * (service ? values[static_cast<std::size_t>(*service)] : 1.0);
      }
    }
  }
  if (recording == nullptr) return Val(now);
  PlanInput input;
  input.path = path;
  input.where = value.where;
  input.dimension = spec.dimension;
  input.relative = relative;
  input.nominal = relative ? 1.0 : value.value;
  input.reference = value.value;
  input.lowest = spec.lowest;
  input.highest = spec.highest;
  if (relative && value.value > 0) {  // the limits of the value, as multipliers of it
    input.lowest /= value.value;
    input.highest /= value.value;
  }
  input.whole = spec.whole;
  input.uncertainty = value.uncertainty;
  if (relative) input.priced_as = spec.service;
  const std::int32_t index = add_input(*recording, key, std::move(input));
  const std::int32_t service = relative && spec.service ? service_input(*recording, *spec.service) : -1;
  Tape& tape = recording->recording->tape;
  if (!relative) return {now, tape.push({Op::input_absolute, index, -1, 0, now})};
  return {now, tape.push({Op::input_relative, index, service, value.value, now})};
}

int RunInputs::count(int value, const SourceLocation& where, const std::string& path, int lowest) const {
  if (!active()) return value;
  InputSpec spec{Dimension::count, static_cast<double>(lowest), 1e6};  // the scenario format's limit
  spec.whole = true;
  Sourced stated;
  stated.value = value;
  stated.where = where;
  return static_cast<int>(rounded(read(stated, path, spec)));
}

}  // namespace engine
}  // namespace tco
