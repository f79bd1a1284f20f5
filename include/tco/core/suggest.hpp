#pragma once
// "Did you mean" support for unknown keys, enum values and names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tco {

// Levenshtein distance between two strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// ", did you mean 'x'?" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// The keys of a map keyed by name: the candidates for a suggestion or a list of what exists.
template <typename Map>
std::vector<std::string> keys_of(const Map& map) {
  std::vector<std::string> out;
  for (const auto& entry : map) out.push_back(entry.first);
  return out;
}

// "'a', 'b' or 'c'" — for messages that list the allowed values.
std::string quoted_list(const std::vector<std::string>& values);

}  // namespace tco
