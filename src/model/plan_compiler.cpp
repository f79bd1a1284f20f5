// Compiling a recorded plan for the inputs that vary, and evaluating it: a flat list of
// instructions over one array of registers, with no allocation per evaluation.
#include <cmath>
#include <limits>

#include "engine_internal.hpp"

namespace tco {
namespace {

using engine::Cmp;
using engine::Node;
using engine::Op;

constexpr std::uint32_t kNoService = std::numeric_limits<std::uint32_t>::max();

// Which nodes change when the varying inputs do.
std::vector<bool> dependent_nodes(const std::vector<Node>& nodes, const std::vector<bool>& varying) {
  std::vector<bool> depends(nodes.size(), false);
  auto varies = [&](std::int32_t input) { return input >= 0 && varying[static_cast<std::size_t>(input)]; };
  auto of = [&](std::int32_t node) { return node >= 0 && depends[static_cast<std::size_t>(node)]; };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    switch (node.op) {
      case Op::constant:
        break;
      case Op::input_absolute:
        depends[i] = varies(node.a);
        break;
      case Op::input_relative:
        depends[i] = varies(node.a) || varies(node.b);
        break;
      default:
        depends[i] = of(node.a) || of(node.b);
    }
  }
  return depends;
}

}  // namespace

CompiledPlan::CompiledPlan(const EvaluationPlan& plan, const std::vector<bool>& varying) {
  const engine::Tape& tape = plan.recording->tape;
  const std::vector<bool> depends = dependent_nodes(tape.nodes, varying);
  // Registers: one per instruction, then the constants the instructions read.
  std::vector<std::uint32_t> register_of(tape.nodes.size(), 0);
  std::uint32_t instructions = 0;
  for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
    if (depends[i]) register_of[i] = instructions++;
  }
  std::vector<bool> has_constant(tape.nodes.size(), false);
  auto operand = [&](std::int32_t node) -> std::uint32_t {
    const auto index = static_cast<std::size_t>(node);
    if (depends[index]) return register_of[index];
    if (!has_constant[index]) {
      has_constant[index] = true;
      register_of[index] = instructions + static_cast<std::uint32_t>(constants_.size());
      constants_.push_back(tape.nodes[index].v);
    }
    return register_of[index];
  };
  for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
    if (!depends[i]) continue;
    const Node& node = tape.nodes[i];
    Instruction instruction{static_cast<std::uint8_t>(node.op), 0, 0, node.k};
    if (node.op == Op::input_absolute || node.op == Op::input_relative) {
      instruction.a = static_cast<std::uint32_t>(node.a);
      instruction.b = node.b >= 0 ? static_cast<std::uint32_t>(node.b) : kNoService;
    } else {
      instruction.a = operand(node.a);
      if (node.b >= 0) instruction.b = operand(node.b);
    }
    code_.push_back(instruction);
  }
  base_.assign(plan.cells(), 0.0);
  for (const auto& emit : tape.emits) {
    if (emit.node >= 0 && depends[static_cast<std::size_t>(emit.node)]) {
      emits_.push_back({register_of[static_cast<std::size_t>(emit.node)], emit.cell});
    } else {
      base_[emit.cell] += emit.v;
    }
  }
  for (const auto& guard : tape.guards) {
    const bool b_depends = guard.b >= 0 && depends[static_cast<std::size_t>(guard.b)];
    if (!depends[static_cast<std::size_t>(guard.a)] && !b_depends) continue;  // decided for good
    Check check{operand(guard.a), 0, guard.k, static_cast<std::uint8_t>(guard.cmp), guard.outcome, guard.b < 0};
    if (guard.b >= 0) check.b = operand(guard.b);
    checks_.push_back(check);
  }
}

CompiledPlan::Scratch CompiledPlan::scratch() const {
  Scratch scratch;
  scratch.registers.assign(code_.size(), 0.0);
  scratch.registers.insert(scratch.registers.end(), constants_.begin(), constants_.end());
  return scratch;
}

bool CompiledPlan::evaluate(std::span<const double> values, std::span<double> monthly, Scratch& scratch) const {
  double* r = scratch.registers.data();
  for (std::size_t i = 0; i < code_.size(); ++i) {
    const Instruction& in = code_[i];
    double result = 0;
    switch (static_cast<Op>(in.op)) {
      case Op::constant:
        result = in.k;
        break;
      case Op::input_absolute:
        result = values[in.a];
        break;
      case Op::input_relative:
        result = in.k * values[in.a] * (in.b == kNoService ? 1.0 : values[in.b]);
        break;
      case Op::add:
        result = r[in.a] + r[in.b];
        break;
      case Op::sub:
        result = r[in.a] - r[in.b];
        break;
      case Op::mul:
        result = r[in.a] * r[in.b];
        break;
      case Op::div:
        result = r[in.a] / r[in.b];
        break;
      case Op::min:
        result = std::min(r[in.a], r[in.b]);
        break;
      case Op::max:
        result = std::max(r[in.a], r[in.b]);
        break;
      case Op::ceil:
        result = std::ceil(r[in.a]);
        break;
      case Op::pow:
        result = std::pow(r[in.a], in.k);
        break;
    }
    r[i] = result;
  }
  std::copy(base_.begin(), base_.end(), monthly.begin());
  for (const Emit& emit : emits_) monthly[emit.cell] += r[emit.reg];
  for (const Check& check : checks_) {
    const double a = r[check.a];
    const double b = check.b_is_constant ? check.k : r[check.b];
    bool outcome = false;
    switch (static_cast<Cmp>(check.cmp)) {
      case Cmp::le:
        outcome = a <= b;
        break;
      case Cmp::lt:
        outcome = a < b;
        break;
      case Cmp::rounds_to:
        outcome = static_cast<double>(std::lround(a)) == check.k;
        break;
    }
    if (outcome != check.outcome) return false;
  }
  return true;
}

}  // namespace tco
