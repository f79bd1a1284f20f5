#include "tco/core/distribution.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace tco {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;

constexpr std::array<DistributionKind, 5> kKinds{DistributionKind::range, DistributionKind::triangular,
                                                 DistributionKind::normal, DistributionKind::lognormal,
                                                 DistributionKind::choice};

double density(double z) { return kInvSqrt2Pi * std::exp(-0.5 * z * z); }
// P(Z > z), with its digits in the upper tail, where 1 - normal_cdf(z) would keep none.
double upper_tail(double z) { return 0.5 * std::erfc(z * kSqrtHalf); }

// P(a < Z < b) for a <= b, taken from the tail both bounds are in so that neither difference
// cancels: 1 - 1e-20 is 1 in doubles, 1e-20 is not.
double mass(double a, double b) {
  if (a >= 0) return upper_tail(a) - upper_tail(b);
  if (b <= 0) return normal_cdf(b) - normal_cdf(a);
  return 1.0 - normal_cdf(a) - upper_tail(b);
}

// The quantile at u of a standard normal truncated to [a, b] (either may be infinite): u is
// mapped into [F(a), F(b)], counted from the upper tail when the interval lies there.
double truncated_standard_quantile(double a, double b, double u) {
  if (a >= 0) {
    const double qa = upper_tail(a);
    const double q = qa - u * (qa - upper_tail(b));
    return std::clamp(-normal_quantile(q), a, b);
  }
  const double pa = normal_cdf(a);
  return std::clamp(normal_quantile(pa + u * (normal_cdf(b) - pa)), a, b);
}

// A lognormal's mu and sigma (of ln x) from the mean and standard deviation of x:
// sigma^2 = ln(1 + (sd/mean)^2), mu = ln(mean) - sigma^2 / 2. Written so that a huge ratio
// does not overflow its square.
struct LogParameters {
  double mu = 0, sigma = 0;
};
LogParameters log_parameters(double mean, double sd) {
  const double ratio = sd / mean;
  const double variance = ratio > 1 ? 2 * std::log(ratio) + std::log1p(1 / (ratio * ratio)) : std::log1p(ratio * ratio);
  return {std::log(mean) - variance / 2, std::sqrt(variance)};
}

double weight_of(const Distribution& d, std::size_t i) { return d.weights.empty() ? 1.0 : d.weights[i]; }

double choice_quantile(const Distribution& d, double u) {
  double total = 0;
  for (std::size_t i = 0; i < d.values.size(); ++i) total += weight_of(d, i);
  const double target = u * total;
  double cumulative = 0;
  if (std::is_sorted(d.values.begin(), d.values.end())) {
    for (std::size_t i = 0; i < d.values.size(); ++i) {
      cumulative += weight_of(d, i);
      if (cumulative >= target) return d.values[i];
    }
    return d.values.empty() ? 0 : d.values.back();
  }
  // Values as written, in any order: visit them in ascending order without sorting a copy
  // (choices are short; this runs once per sample).
  double previous = -kInf;
  for (;;) {
    double next = kInf;
    for (double value : d.values)
      if (value > previous) next = std::min(next, value);
    if (next == kInf) return previous;
    for (std::size_t i = 0; i < d.values.size(); ++i)
      if (d.values[i] == next) cumulative += weight_of(d, i);
    if (cumulative >= target) return next;
    previous = next;
  }
}

// The mean and variance of f(Z) for a standard normal Z truncated to [a, b], by 8-point
// Gauss-Legendre quadrature on panels a quarter of a standard deviation wide. The density is
// below 1e-300 beyond 40 standard deviations, and a lognormal's integrands (e^(sigma z),
// e^(2 sigma z) times the density) peak within 2 sigma more; beyond that nothing is left.
template <typename F>
std::pair<double, double> truncated_moments(double a, double b, double sigma, F f) {
  static constexpr std::array<double, 4> kNodes{0.1834346424956498049, 0.5255324099163289858, 0.7966664774136267396,
                                                0.9602898564975362317};
  static constexpr std::array<double, 4> kWeights{0.3626837833783619830, 0.3137066458778872873, 0.2223810344533744705,
                                                  0.1012285362903762592};
  const double lo = std::max(a, -40.0);
  const double hi = std::min(b, 40.0 + 2 * sigma);
  if (!(lo < hi)) return {f(std::clamp(0.0, a, b)), 0.0};
  const auto panels = static_cast<int>(std::min(4096.0, std::ceil((hi - lo) / 0.25)));
  const double width = (hi - lo) / panels;
  auto integrate = [&](auto g) {
    double sum = 0;
    for (int p = 0; p < panels; ++p) {
      const double middle = lo + (p + 0.5) * width;
      for (std::size_t k = 0; k < kNodes.size(); ++k) {
        for (double side : {-1.0, 1.0}) {
          const double z = middle + side * kNodes[k] * width / 2;
          sum += kWeights[k] * density(z) * g(z);
        }
      }
    }
    return sum * width / 2;
  };
  const double kept = integrate([](double) { return 1.0; });
  if (!(kept > 0)) return {f(std::clamp(0.0, a, b)), 0.0};
  const double mean = integrate(f) / kept;
  // About the mean, not E[X^2] - E[X]^2, which cancels when the bounds are close together.
  const double variance = integrate([&](double z) {
                            const double deviation = f(z) - mean;
                            return deviation * deviation;
                          }) /
                          kept;
  return {mean, variance};
}

// A normal or lognormal as a standard normal z: the value is mean + sd z, or
// exp(mu + sigma z); the truncation bounds cut z at a and b.
struct Standardized {
  bool log = false;
  double location = 0, scale = 1;
  double a = -kInf, b = kInf;
  [[nodiscard]] double value(double z) const { return log ? std::exp(location + scale * z) : location + scale * z; }
};

Standardized standardized(const Distribution& d) {
  Standardized out;
  if (d.kind == DistributionKind::lognormal) {
    const LogParameters p = log_parameters(d.mean, d.sd);
    out.log = true;
    out.location = p.mu;
    out.scale = p.sigma;
    if (d.lower && *d.lower > 0) out.a = (std::log(*d.lower) - p.mu) / p.sigma;
    if (d.upper) out.b = (std::log(*d.upper) - p.mu) / p.sigma;
  } else {
    out.location = d.mean;
    out.scale = d.sd;
    if (d.lower) out.a = (*d.lower - d.mean) / d.sd;
    if (d.upper) out.b = (*d.upper - d.mean) / d.sd;
  }
  return out;
}

// The mean and variance of a truncated normal or lognormal.
std::pair<double, double> tail_moments(const Distribution& d) {
  const Standardized z = standardized(d);
  return truncated_moments(z.a, z.b, z.log ? z.scale : 0, [z](double x) { return z.value(x); });
}

}  // namespace

std::string to_string(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::range:
      return "range";
    case DistributionKind::triangular:
      return "triangular";
    case DistributionKind::normal:
      return "normal";
    case DistributionKind::lognormal:
      return "lognormal";
    case DistributionKind::choice:
      return "choice";
  }
  return "?";
}

std::vector<std::string> distribution_kind_names() {
  std::vector<std::string> names;
  for (DistributionKind kind : kKinds) names.push_back(to_string(kind));
  return names;
}

std::optional<DistributionKind> parse_distribution_kind(std::string_view name) {
  for (DistributionKind kind : kKinds)
    if (to_string(kind) == name) return kind;
  return std::nullopt;
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z * kSqrtHalf); }

// Wichura, M. J. (1988), "Algorithm AS 241: The Percentage Points of the Normal
// Distribution", Applied Statistics 37(3), 477-484: PPND16, about 1e-16 relative accuracy.
// Three rational approximations: near the median, and in the tails in r = sqrt(-ln p).
double normal_quantile(double p) {
  if (!(p > 0)) return -kInf;
  if (!(p < 1)) return kInf;
  const auto poly = [](const std::array<double, 8>& c, double x) {
    double sum = c[7];
    for (int i = 6; i >= 0; --i) sum = sum * x + c[static_cast<std::size_t>(i)];
    return sum;
  };
  static constexpr std::array<double, 8> a{3.3871328727963666080e0,  1.3314166789178437745e+2, 1.9715909503065514427e+3,
                                           1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                           3.3430575583588128105e+4, 2.5090809287301226727e+3};
  static constexpr std::array<double, 8> b{1.0,
                                           4.2313330701600911252e+1,
                                           6.8718700749205790830e+2,
                                           5.3941960214247511077e+3,
                                           2.1213794301586595867e+4,
                                           3.9307895800092710610e+4,
                                           2.8729085735721942674e+4,
                                           5.2264952788528545610e+3};
  static constexpr std::array<double, 8> c{
      1.42343711074968357734e0, 4.63033784615654529590e0,  5.76949722146069140550e0,  3.64784832476320460504e0,
      1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static constexpr std::array<double, 8> d{1.0,
                                           2.05319162663775882187e0,
                                           1.67638483018380384940e0,
                                           6.89767334985100004550e-1,
                                           1.48103976427480074590e-1,
                                           1.51986665636164571966e-2,
                                           5.47593808499534494600e-4,
                                           1.05075007164441684324e-9};
  static constexpr std::array<double, 8> e{
      6.65790464350110377720e0,  5.46378491116411436990e0,  1.78482653991729133580e0,  2.96560571828504891230e-1,
      2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7};
  static constexpr std::array<double, 8> f{1.0,
                                           5.99832206555887937690e-1,
                                           1.36929880922735805310e-1,
                                           1.48753612908506148525e-2,
                                           7.86869131145613259100e-4,
                                           1.84631831751005468180e-5,
                                           1.42151175831644588870e-7,
                                           2.04426310338993978564e-15};
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * poly(a, r) / poly(b, r);
  }
  const double r = std::sqrt(-std::log(q < 0 ? p : 1 - p));
  const double value = r <= 5 ? poly(c, r - 1.6) / poly(d, r - 1.6) : poly(e, r - 5) / poly(f, r - 5);
  return q < 0 ? -value : value;
}

double Distribution::quantile(double u) const {
  switch (kind) {
    case DistributionKind::range:
      return std::clamp(min + u * (max - min), min, max);
    case DistributionKind::triangular: {
      const double width = max - min;
      if (u * width < mode - min) return std::clamp(min + std::sqrt(u * width * (mode - min)), min, max);
      return std::clamp(max - std::sqrt((1 - u) * width * (max - mode)), min, max);
    }
    case DistributionKind::normal:
    case DistributionKind::lognormal: {
      const Standardized z = standardized(*this);
      return std::clamp(z.value(truncated_standard_quantile(z.a, z.b, u)), lowest(), highest());
    }
    case DistributionKind::choice:
      return choice_quantile(*this, u);
  }
  return 0;
}

double Distribution::central() const {
  switch (kind) {
    case DistributionKind::range:
      return (min + max) / 2;
    case DistributionKind::triangular:
      return mode;
    case DistributionKind::normal:
      return std::clamp(mean, lowest(), highest());
    case DistributionKind::lognormal:
      return std::clamp(std::exp(log_parameters(mean, sd).mu), lowest(), highest());
    case DistributionKind::choice: {
      std::size_t best = 0;
      for (std::size_t i = 1; i < values.size(); ++i)
        if (weight_of(*this, i) > weight_of(*this, best)) best = i;
      return values.empty() ? 0 : values[best];
    }
  }
  return 0;
}

double Distribution::expected() const {
  switch (kind) {
    case DistributionKind::range:
      return (min + max) / 2;
    case DistributionKind::triangular:
      return (min + mode + max) / 3;
    case DistributionKind::normal:
    case DistributionKind::lognormal:
      // Untruncated, the parameters are the moments (a lognormal's by construction).
      return truncated() ? tail_moments(*this).first : mean;
    case DistributionKind::choice: {
      double total = 0, sum = 0;
      for (std::size_t i = 0; i < values.size(); ++i) {
        total += weight_of(*this, i);
        sum += weight_of(*this, i) * values[i];
      }
      return total > 0 ? sum / total : 0;
    }
  }
  return 0;
}

double Distribution::variance() const {
  switch (kind) {
    case DistributionKind::range:
      return (max - min) * (max - min) / 12;
    case DistributionKind::triangular:
      return (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
    case DistributionKind::normal:
    case DistributionKind::lognormal:
      return truncated() ? tail_moments(*this).second : sd * sd;
    case DistributionKind::choice: {
      const double average = expected();
      double total = 0, sum = 0;
      for (std::size_t i = 0; i < values.size(); ++i) {
        total += weight_of(*this, i);
        sum += weight_of(*this, i) * (values[i] - average) * (values[i] - average);
      }
      return total > 0 ? sum / total : 0;
    }
  }
  return 0;
}

double Distribution::lowest() const {
  switch (kind) {
    case DistributionKind::range:
    case DistributionKind::triangular:
      return min;
    case DistributionKind::normal:
      return lower.value_or(-kInf);
    case DistributionKind::lognormal:
      return lower && *lower > 0 ? *lower : 0;
    case DistributionKind::choice:
      return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
  }
  return 0;
}

double Distribution::highest() const {
  switch (kind) {
    case DistributionKind::range:
    case DistributionKind::triangular:
      return max;
    case DistributionKind::normal:
    case DistributionKind::lognormal:
      return upper.value_or(kInf);
    case DistributionKind::choice:
      return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  }
  return 0;
}

double Distribution::kept_mass() const {
  if (kind != DistributionKind::normal && kind != DistributionKind::lognormal) return 1;
  const Standardized z = standardized(*this);
  return mass(z.a, z.b);
}

bool Distribution::truncated() const {
  return (kind == DistributionKind::normal && lower) || (kind == DistributionKind::lognormal && lower && *lower > 0) ||
         ((kind == DistributionKind::normal || kind == DistributionKind::lognormal) && upper);
}

}  // namespace tco
