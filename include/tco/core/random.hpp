#pragma once
// Counter-based random numbers for sampling uncertain inputs. A draw is a pure function of
// (seed, sample index, stream), with no generator state: a sample's values are the same
// whichever thread computes it and in whatever order, and adding an input (a new stream)
// changes no other input's draws.
#include <cstdint>
#include <string_view>

namespace tco {

// A uniform number strictly inside (0, 1): an odd multiple of 2^-53, (2k + 1) / 2^53 for k
// in [0, 2^52), so 53 significant bits, never 0 or 1 (whose quantiles may be infinite), and
// symmetric about 1/2. The bits come from SplitMix64's finalizer (Steele, Lea and Flood,
// "Fast splittable pseudorandom number generators", OOPSLA 2014), a bijection with full
// avalanche, applied four times: the seed, the stream and the sample index each enter with an
// xor followed by a round, and a last round mixes the sample's bits through again.
double uniform01(std::uint64_t seed, std::uint64_t sample, std::uint64_t stream);

// A stable stream id for a name (a driver, or an input's key path): FNV-1a 64 of its bytes,
// so the same name draws the same numbers in every run and on every platform.
std::uint64_t stream_id(std::string_view name);

}  // namespace tco
