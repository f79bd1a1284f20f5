#pragma once
// Numbers that remember how they were computed. The engine computes every cost with Val:
// in a normal run a Val is a plain double; while a tape is recording (building an
// evaluation plan), each operation on a value that depends on an input also appends a node,
// so the plan can recompute every cost line from other input values without re-running the
// engine. One implementation of each formula serves both.
//
// Val has no conversion to bool or double on purpose: a comparison of traced values decides
// the shape of the computation, so it must go through the guard functions below, which
// record the outcome the plan was built with (an evaluation whose outcome differs is
// recomputed by the engine instead).
#include <cstdint>
#include <vector>

namespace tco::engine {

enum class Op : std::uint8_t {
  constant,
  input_absolute,  // the input's value: values[a]
  input_relative,  // a sheet price: k × values[a] × values[b] (b: its service's multiplier, or -1)
  add,
  sub,
  mul,
  div,
  min,
  max,
  ceil,
  pow,  // a ^ k
};

struct Node {
  Op op = Op::constant;
  std::int32_t a = -1;
  std::int32_t b = -1;
  double k = 0;
  double v = 0;  // the value the plan was recorded at
};

enum class Cmp : std::uint8_t { le, lt, rounds_to };

struct Guard {
  std::int32_t a = -1;  // node
  std::int32_t b = -1;  // node, or -1 for the constant k
  double k = 0;
  Cmp cmp = Cmp::le;
  bool outcome = false;
};

// A cash amount added to one month of one strategy.
struct Emit {
  std::int32_t node = -1;  // -1: the constant v
  double v = 0;
  std::uint32_t cell = 0;  // strategy × months + month
};

struct Tape {
  std::vector<Node> nodes;
  std::vector<Guard> guards;
  std::vector<Emit> emits;

  std::int32_t push(const Node& node) {
    nodes.push_back(node);
    return static_cast<std::int32_t>(nodes.size() - 1);
  }
};

// The tape the current thread records into, or nullptr (a normal run).
Tape* recording_tape();
// Records into `tape` on this thread for the scope's lifetime.
class RecordingScope {
 public:
  explicit RecordingScope(Tape* tape);
  ~RecordingScope();
  RecordingScope(const RecordingScope&) = delete;
  RecordingScope& operator=(const RecordingScope&) = delete;

 private:
  Tape* previous_;
};

struct Val {
  double v = 0;
  std::int32_t n = -1;  // the node computing it; -1 for a constant

  constexpr Val() = default;
  constexpr Val(double value) : v(value) {}  // NOLINT(google-explicit-constructor): constants mix freely
  constexpr Val(double value, std::int32_t node) : v(value), n(node) {}
};

Val operator+(Val a, Val b);
Val operator-(Val a, Val b);
Val operator*(Val a, Val b);
Val operator/(Val a, Val b);
inline Val& operator+=(Val& a, Val b) { return a = a + b; }
inline Val& operator-=(Val& a, Val b) { return a = a - b; }
inline Val& operator*=(Val& a, Val b) { return a = a * b; }
Val vmin(Val a, Val b);
Val vmax(Val a, Val b);
// The names generic formulas use for the smaller and the larger (model/egress.hpp, sum_tiers).
inline Val lesser(Val a, Val b) { return vmin(a, b); }
inline Val greater(Val a, Val b) { return vmax(a, b); }
Val vceil(Val a);
Val vpow(Val base, double exponent);

// Comparisons that shape the computation, recorded as guards.
bool is_le(Val a, Val b);  // a <= b
bool is_lt(Val a, Val b);  // a < b
// std::lround(a), recorded: a plan holds only while the value rounds to the same integer.
long rounded(Val a);

}  // namespace tco::engine
