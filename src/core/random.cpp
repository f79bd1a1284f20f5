#include "tco/core/random.hpp"

namespace tco {
namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15;  // 2^64 / phi, SplitMix64's increment
// A start that is not 0 for seed 0 (the finalizer maps 0 to 0): the fractional digits of pi.
constexpr std::uint64_t kPi = 0x243F6A8885A308D3;

// SplitMix64's finalizer (the variant of Stafford's Mix13 it uses).
constexpr std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
  return z ^ (z >> 31);
}

}  // namespace

double uniform01(std::uint64_t seed, std::uint64_t sample, std::uint64_t stream) {
  std::uint64_t h = mix(seed ^ kPi);
  h = mix(h ^ stream);
  // The sample index goes through a round of its own first, so that consecutive indices do
  // not differ in their low bits only when they meet the stream's key.
  h = mix(h ^ mix(sample + kGolden));
  h = mix(h + kGolden);
  // The top 52 bits, k, as (2k + 1) / 2^53: exact in a double, inside (0, 1).
  return (static_cast<double>(h >> 12) + 0.5) * 0x1p-52;
}

std::uint64_t stream_id(std::string_view name) {
  std::uint64_t hash = 0xCBF29CE484222325;  // FNV-1a 64 offset basis
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3;  // FNV-1a 64 prime
  }
  return hash;
}

}  // namespace tco
