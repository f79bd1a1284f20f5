#pragma once
// An evaluation plan: a scenario resolved once, reduced to the arithmetic that turns its
// inputs into each strategy's monthly cash, so it can be evaluated many times (simulate,
// sensitivity, sweep) without re-reading files, re-resolving prices or allocating.
//
// The engine records the plan while computing the scenario as usual (model/tape.hpp), so a
// plan and `tco compare` share every formula. What the recorded run decided from input
// values (the cheapest offer, whether hardware is replaced) is kept as guards: an evaluation whose
// inputs would decide otherwise reports so, and is computed by the engine instead.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/core/quantity.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

struct Uncertainty;

// A number the plan reads: a value the scenario states, a price of a sheet, or the
// multiplier of every price of one service.
struct PlanInput {
  std::string path;  // "workloads.serve.utilization", "prices.aws.us-east-1.p5.48xlarge.on-demand", "prices.compute"
  SourceLocation where;
  Dimension dimension = Dimension::count;
  // A price from a sheet: the plan's value for it is a multiplier of the prices as read
  // (1 = as the sheets say), so a price projected by a trend keeps its projection.
  bool relative = false;
  double nominal = 0;    // the value evaluated by `tco compare`: as written, or 1 when relative
  double reference = 0;  // the value as first read: what the nominal value stands for
  double lowest = 0;     // the values it may take (multipliers when relative), for swings and sweeps
  double highest = std::numeric_limits<double>::infinity();
  bool whole = false;                              // a count (GPUs): only whole values
  std::optional<PriceService> service;             // for a service's multiplier
  std::optional<PriceService> priced_as;           // for a sheet price: its service
  std::shared_ptr<const Uncertainty> uncertainty;  // when the scenario wrote a distribution
};

// What the engine recorded: the arithmetic (model/tape.hpp), kept opaque here.
struct PlanRecording;

struct EvaluationPlan {
  EvaluationPlan();
  EvaluationPlan(EvaluationPlan&&) noexcept;
  EvaluationPlan& operator=(EvaluationPlan&&) noexcept;
  ~EvaluationPlan();

  std::vector<PlanInput> inputs;
  std::vector<std::string> strategies;  // evaluated, in scenario order
  std::size_t baseline = 0;             // index into strategies
  int months = 0;
  std::optional<std::size_t> discount_input;  // the annual discount rate, when an input
  double discount_rate = 0;                   // otherwise
  std::unique_ptr<PlanRecording> recording;

  [[nodiscard]] std::optional<std::size_t> find_input(const std::string& path) const;
  // Every input at its nominal value: evaluating them gives `tco compare`'s figures.
  [[nodiscard]] std::vector<double> nominal_values() const;
  [[nodiscard]] double annual_discount_rate(std::span<const double> values) const {
    return discount_input ? values[*discount_input] : discount_rate;
  }
  [[nodiscard]] std::size_t cells() const { return strategies.size() * static_cast<std::size_t>(months); }
};

// A plan specialised to the inputs that vary: what depends on none of them is added up once.
class CompiledPlan {
 public:
  // Working memory of one thread: reuse it for every evaluation.
  struct Scratch {
    std::vector<double> registers;
  };
  CompiledPlan(const EvaluationPlan& plan, const std::vector<bool>& varying);

  // Each strategy's cash by month, strategy-major (strategies × months) into `monthly`.
  // False when `values` would change a decision the plan was recorded with (a tier
  // crossed, a replacement moved): evaluate those with PreparedModel::run instead.
  bool evaluate(std::span<const double> values, std::span<double> monthly, Scratch& scratch) const;
  [[nodiscard]] Scratch scratch() const;
  [[nodiscard]] std::size_t instructions() const { return code_.size(); }

 private:
  struct Instruction {
    std::uint8_t op = 0;
    std::uint32_t a = 0;  // registers: the constants first, then one per instruction
    std::uint32_t b = 0;
    double k = 0;
  };
  struct Emit {
    std::uint32_t reg = 0;
    std::uint32_t cell = 0;
  };
  struct Check {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double k = 0;
    std::uint8_t cmp = 0;
    bool outcome = false;
    bool b_is_constant = true;
  };
  std::vector<Instruction> code_;
  std::vector<double> constants_;
  std::vector<double> base_;  // per cell: the cash that depends on no varying input
  std::vector<Emit> emits_;
  std::vector<Check> checks_;
};

}  // namespace tco
