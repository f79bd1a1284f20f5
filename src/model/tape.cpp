#include "tape.hpp"

#include <algorithm>
#include <cmath>

namespace tco::engine {
namespace {

thread_local Tape* active = nullptr;

// The node of a value, a constant node when it has none.
std::int32_t ref(Tape& tape, Val value) {
  return value.n >= 0 ? value.n : tape.push({Op::constant, -1, -1, value.v, value.v});
}

Val record(Op op, Val a, Val b, double k, double result) {
  if (a.n < 0 && b.n < 0) return Val(result);
  Tape& tape = *active;  // a traced value exists only while recording
  const std::int32_t left = ref(tape, a);
  const std::int32_t right = op == Op::ceil || op == Op::pow ? -1 : ref(tape, b);
  return {result, tape.push({op, left, right, k, result})};
}

bool guard(Cmp cmp, Val a, Val b, bool outcome) {
  if (a.n >= 0 || b.n >= 0) {
    Tape& tape = *active;
    tape.guards.push_back({ref(tape, a), b.n >= 0 ? b.n : -1, b.v, cmp, outcome});
  }
  return outcome;
}

}  // namespace

Tape* recording_tape() { return active; }

RecordingScope::RecordingScope(Tape* tape) : previous_(active) { active = tape; }
RecordingScope::~RecordingScope() { active = previous_; }

Val operator+(Val a, Val b) { return record(Op::add, a, b, 0, a.v + b.v); }
Val operator-(Val a, Val b) { return record(Op::sub, a, b, 0, a.v - b.v); }
Val operator*(Val a, Val b) { return record(Op::mul, a, b, 0, a.v * b.v); }
Val operator/(Val a, Val b) { return record(Op::div, a, b, 0, a.v / b.v); }
Val vmin(Val a, Val b) { return record(Op::min, a, b, 0, std::min(a.v, b.v)); }
Val vmax(Val a, Val b) { return record(Op::max, a, b, 0, std::max(a.v, b.v)); }
Val vceil(Val a) { return record(Op::ceil, a, Val(), 0, std::ceil(a.v)); }
Val vpow(Val base, double exponent) { return record(Op::pow, base, Val(), exponent, std::pow(base.v, exponent)); }

bool is_le(Val a, Val b) { return guard(Cmp::le, a, b, a.v <= b.v); }
bool is_lt(Val a, Val b) { return guard(Cmp::lt, a, b, a.v < b.v); }

long rounded(Val a) {
  const long result = std::lround(a.v);
  guard(Cmp::rounds_to, a, Val(static_cast<double>(result)), true);
  return result;
}

}  // namespace tco::engine
