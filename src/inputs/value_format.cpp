// The mapping forms every format shares: a value with its source ({price|value, source,
// note}) and a distribution (with a normal's parameters), one section per dimension, so each
// declares the units of its own values.
#include <array>

#include "tco/inputs/input_format.hpp"

namespace tco {
namespace {

constexpr std::size_t kDimensionCount = static_cast<std::size_t>(Dimension::grams_co2_per_kwh) + 1;

Dimension dimension_at(std::size_t index) { return static_cast<Dimension>(index); }

bool is_money(Dimension dimension) {
  switch (dimension) {
    case Dimension::money:
    case Dimension::money_per_hour:
    case Dimension::money_per_byte:
    case Dimension::money_per_byte_month:
    case Dimension::money_per_kwh:
    case Dimension::money_per_kw_month:
    case Dimension::money_per_year:
    case Dimension::money_per_month:
      return true;
    default:
      return false;
  }
}

Shape parameter(Dimension dimension, bool signed_value) {
  return signed_value ? signed_quantity(dimension) : quantity(dimension);
}

// normal: {mean, sd, min, max}, and a lognormal's, of the value itself.
Section make_normal(Dimension dimension, bool signed_value) {
  const std::string id = dimension_id(dimension);
  return mapping(
      "normal." + id + (signed_value ? ".signed" : ""),
      "The parameters of a normal or lognormal distribution, in the value's own unit",
      {
          required("mean", parameter(dimension, signed_value), "The mean of the value (above zero for a lognormal)."),
          required("sd", quantity(dimension), "The standard deviation of the value, above zero."),
          optional("min", parameter(dimension, signed_value), "A lower bound: no value below it is drawn."),
          optional("max", parameter(dimension, signed_value), "An upper bound, above min: no value above it is drawn."),
      });
}

Section make_distribution(Dimension dimension, bool signed_value, const Section& normal) {
  const Shape value = parameter(dimension, signed_value);
  return mapping(
      "distribution." + dimension_id(dimension) + (signed_value ? ".signed" : ""),
      "A distribution: exactly one of range, triangular, normal, lognormal or choice, and optionally a driver",
      {
          required("range", list_of(value, 2, 2), "[MIN, MAX]: every value from MIN to MAX equally likely.")
              .in("range"),
          required("triangular", list_of(value, 3, 3), "[MIN, MODE, MAX]: most likely MODE, never beyond MIN or MAX.")
              .in("triangular"),
          required("normal", section(normal), "{mean, sd, min, max}: a normal distribution, truncated at min and max.")
              .in("normal"),
          required("lognormal", section(normal),
                   "{mean, sd, min, max}: a lognormal distribution of the value, for positive values with a long tail.")
              .in("lognormal"),
          required("choice", list_of(value, 2),
                   "[V1, V2, ...]: one of at least two values, equally likely or weighted.")
              .in("choice"),
          optional("weights", list_of(quantity(Dimension::count)),
                   "One positive number per value of the choice: their relative likelihoods.")
              .in("choice"),
          optional("driver", text(),
                   "A driver declared under 'drivers': distributions that name the same one move together."),
      });
}

Section make_sourced(Dimension dimension) {
  const bool money = is_money(dimension);
  return mapping(
      "sourced." + dimension_id(dimension),
      money ? "A price with its source: {price, source, note}" : "A value with its source: {value, source, note}",
      {
          required(money ? "price" : "value", quantity(dimension), money ? "The price." : "The value."),
          optional("source", text(), "The id of its source in 'sources'; overrides the one of an enclosing mapping."),
          optional("note", text(), "Free text that explains the figure."),
      });
}

template <typename Make>
std::array<Section, kDimensionCount * 2> for_each_dimension(Make make) {
  std::array<Section, kDimensionCount * 2> out;
  for (std::size_t i = 0; i < kDimensionCount * 2; ++i) out[i] = make(dimension_at(i / 2), i % 2 == 1);
  return out;
}

std::size_t index_of(Dimension dimension, bool signed_value) {
  return static_cast<std::size_t>(dimension) * 2 + (signed_value ? 1 : 0);
}

const Section& normal_section(Dimension dimension, bool signed_value) {
  static const auto sections = for_each_dimension(make_normal);
  return sections.at(index_of(dimension, signed_value));
}

}  // namespace

const Section& sourced_section(Dimension dimension) {
  static const auto sections = [] {
    std::array<Section, kDimensionCount> out;
    for (std::size_t i = 0; i < kDimensionCount; ++i) out[i] = make_sourced(dimension_at(i));
    return out;
  }();
  return sections.at(static_cast<std::size_t>(dimension));
}

const Section& distribution_section(Dimension dimension, bool signed_value) {
  static const auto sections = for_each_dimension([](Dimension each, bool signed_each) {
    return make_distribution(each, signed_each, normal_section(each, signed_each));
  });
  return sections.at(index_of(dimension, signed_value));
}

std::string dimension_id(Dimension dimension) {
  switch (dimension) {
    case Dimension::count:
      return "count";
    case Dimension::fraction:
      return "fraction";
    case Dimension::bytes:
      return "bytes";
    case Dimension::hours:
      return "hours";
    case Dimension::money:
      return "money";
    case Dimension::money_per_hour:
      return "money_per_hour";
    case Dimension::money_per_byte:
      return "money_per_byte";
    case Dimension::money_per_byte_month:
      return "money_per_byte_month";
    case Dimension::money_per_kwh:
      return "money_per_kwh";
    case Dimension::money_per_kw_month:
      return "money_per_kw_month";
    case Dimension::money_per_year:
      return "money_per_year";
    case Dimension::money_per_month:
      return "money_per_month";
    case Dimension::kilowatts:
      return "kilowatts";
    case Dimension::grams_co2_per_kwh:
      return "grams_co2_per_kwh";
  }
  return "value";
}

}  // namespace tco
