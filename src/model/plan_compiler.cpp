// Compiling a recorded plan for the inputs that vary, and evaluating it: a flat list of
// instructions over one array of registers, with no allocation per evaluation.
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

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
  // An input beyond `varying` (one a plan recorded at other values reads, that its master
  // plan does not) does not vary.
  auto varies = [&](std::int32_t input) {
    return input >= 0 && static_cast<std::size_t>(input) < varying.size() && varying[static_cast<std::size_t>(input)];
  };
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

namespace {

// An operand while compiling: an instruction's result or a constant, numbered separately
// until the registers are laid out.
struct Ref {
  bool constant = false;
  std::uint32_t index = 0;
  bool operator==(const Ref&) const = default;
};

struct Pending {
  std::uint8_t op = 0;
  Ref a, b;
  double k = 0;
};

// Identical instructions (the same price read again each month, the same growth factor for
// every strategy) are computed once.
struct Key {
  std::uint8_t op;
  Ref a, b;
  std::uint64_t k;
  bool operator==(const Key&) const = default;
};
struct KeyHash {
  std::size_t operator()(const Key& key) const {
    std::size_t h = key.op;
    for (const std::uint64_t part : {std::uint64_t{key.a.constant}, std::uint64_t{key.a.index},
                                     std::uint64_t{key.b.constant}, std::uint64_t{key.b.index}, key.k})
      h = h * 1000003u ^ std::hash<std::uint64_t>{}(part);
    return h;
  }
};

std::uint64_t bits_of(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace

CompiledPlan::CompiledPlan(const EvaluationPlan& plan, const std::vector<bool>& varying) {
  const engine::Tape& tape = plan.recording->tape;
  const std::vector<bool> depends = dependent_nodes(tape.nodes, varying);
  std::vector<Ref> ref_of(tape.nodes.size());
  std::vector<Pending> pending;
  std::vector<double> constants;
  std::unordered_map<std::uint64_t, std::uint32_t> constant_index;
  std::unordered_map<Key, std::uint32_t, KeyHash> computed;
  auto constant = [&](double value) {
    const auto [it, added] = constant_index.emplace(bits_of(value), static_cast<std::uint32_t>(constants.size()));
    if (added) constants.push_back(value);
    return Ref{true, it->second};
  };
  auto operand = [&](std::int32_t node) {
    const auto index = static_cast<std::size_t>(node);
    return depends[index] ? ref_of[index] : constant(tape.nodes[index].v);
  };
  for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
    if (!depends[i]) continue;
    const Node& node = tape.nodes[i];
    Pending instruction{static_cast<std::uint8_t>(node.op), {}, {}, node.k};
    if (node.op == Op::input_absolute || node.op == Op::input_relative) {
      // Inputs index the values, not registers.
      instruction.a = {true, static_cast<std::uint32_t>(node.a)};
      instruction.b = {true, node.b >= 0 ? static_cast<std::uint32_t>(node.b) : kNoService};
    } else {
      instruction.a = operand(node.a);
      instruction.b = node.b >= 0 ? operand(node.b) : Ref{true, 0};  // unary: never read
    }
    const Key key{instruction.op, instruction.a, instruction.b, bits_of(instruction.k)};
    const auto [it, added] = computed.emplace(key, static_cast<std::uint32_t>(pending.size()));
    if (added) pending.push_back(instruction);
    ref_of[i] = {false, it->second};
  }
  // What reaches no cost and no guard is not computed (figures only explanations use).
  std::vector<bool> live(pending.size(), false);
  auto use = [&](const Ref& ref) {
    if (!ref.constant) live[ref.index] = true;
  };
  std::vector<std::pair<Ref, std::uint32_t>> emits;
  base_.assign(plan.cells(), 0.0);
  for (const auto& emit : tape.emits) {
    if (emit.node >= 0 && depends[static_cast<std::size_t>(emit.node)]) {
      emits.emplace_back(ref_of[static_cast<std::size_t>(emit.node)], emit.cell);
      use(emits.back().first);
    } else {
      base_[emit.cell] += emit.v;
    }
  }
  struct PendingCheck {
    Ref a, b;
    const engine::Guard* guard;
  };
  std::vector<PendingCheck> checks;
  for (const auto& guard : tape.guards) {
    const bool b_depends = guard.b >= 0 && depends[static_cast<std::size_t>(guard.b)];
    if (!depends[static_cast<std::size_t>(guard.a)] && !b_depends) continue;  // decided for good
    checks.push_back({operand(guard.a), guard.b >= 0 ? operand(guard.b) : Ref{}, &guard});
    use(checks.back().a);
    if (guard.b >= 0) use(checks.back().b);
  }
  for (std::size_t i = pending.size(); i-- > 0;) {
    const auto op = static_cast<Op>(pending[i].op);
    if (!live[i] || op == Op::input_absolute || op == Op::input_relative) continue;
    use(pending[i].a);
    use(pending[i].b);
  }
  // Registers: the live instructions in order, then the constants.
  std::vector<std::uint32_t> register_of(pending.size(), 0);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (live[i]) register_of[i] = count++;
  }
  const auto reg = [&](const Ref& ref) { return ref.constant ? count + ref.index : register_of[ref.index]; };
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (!live[i]) continue;
    const Pending& p = pending[i];
    const auto op = static_cast<Op>(p.op);
    if (op == Op::input_absolute || op == Op::input_relative) {
      code_.push_back({p.op, p.a.index, p.b.index, p.k});
    } else {
      code_.push_back({p.op, reg(p.a), reg(p.b), p.k});
    }
  }
  constants_ = std::move(constants);
  for (const auto& [ref, cell] : emits) emits_.push_back({reg(ref), cell});
  for (const auto& check : checks) {
    const engine::Guard& guard = *check.guard;
    checks_.push_back({reg(check.a), guard.b >= 0 ? reg(check.b) : 0, guard.k, static_cast<std::uint8_t>(guard.cmp),
                       guard.outcome, guard.b < 0});
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
