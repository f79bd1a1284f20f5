#include "tco/core/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace tco {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same =
          std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      const std::size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0U : 1U)});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // A third of the word's length (at least 2, so a swapped pair of letters counts; at
  // most 3) keeps suggestions to plausible typos.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 2, 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  // A word that begins several candidates names a family ('A100' for A100-40GB and
  // A100-80GB): those are what was meant, however close another name is.
  std::vector<std::string> extending;
  const auto lower = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string prefix = lower(word);
  for (const auto& candidate : candidates) {
    if (prefix.size() >= 2 && candidate.size() > word.size() && lower(candidate).rfind(prefix, 0) == 0)
      extending.push_back(candidate);
  }
  if (!extending.empty() && extending.size() <= 4) return ", did you mean " + quoted_list(extending) + "?";
  if (auto match = closest_match(word, candidates)) return ", did you mean '" + *match + "'?";
  return "";
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += (i + 1 == values.size()) ? " or " : ", ";
    out += "'" + values[i] + "'";
  }
  return out;
}

}  // namespace tco
