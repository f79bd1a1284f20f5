// `tco schema`: the JSON Schema rendered from the declared input formats. Validating files
// against it is tests/schema/'s job (python3-jsonschema); these check what it is made of.
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tco/core/quantity.hpp"
#include "tco/inputs/input_format.hpp"
#include "tco/report/input_schema_json.hpp"

using namespace tco;
using json = nlohmann::ordered_json;  // keeps the order of keys, which the schema declares

namespace {

json schema_of(const char* name) {
  const InputFormat* format = find_input_format(name);
  REQUIRE(format != nullptr);
  return json::parse(render_input_schema_json(*format));
}

// What read_quantity accepts: parse_quantity's value, never negative unless the field may be,
// in the one supported currency.
bool accepted(const std::string& text, Dimension dimension, bool signed_value) {
  const auto quantity = parse_quantity(text, dimension);
  return quantity && (signed_value || quantity->value >= 0) &&
         (quantity->currency.empty() || quantity->currency == kSupportedCurrency);
}

}  // namespace

TEST_CASE("a quantity's pattern accepts exactly the texts parse_quantity accepts", "[schema]") {
  const std::vector<std::string> numbers{"1",    "2.5",  ".5", "5.",    "1_000", "_1",   "1_",  "+2",  "-2",
                                         "2e1",  "2E-3", "1e", "1.2.3", "--1",   "0x10", "1,5", "nan", "inf",
                                         "-inf", "",     ".",  "_",     "1e+2",  "abc",  "5._", "._5", "+-1"};
  std::vector<std::string> units{"", "EUR", "USD/hour", "KB", "seconds", "%%", "TB-month", "gCO2/kWh"};
  for (int i = 0; i <= static_cast<int>(Dimension::grams_co2_per_kwh); ++i) {
    for (const auto& unit : unit_spellings(static_cast<Dimension>(i), "USD")) units.push_back(unit);
    for (const auto& unit : unit_spellings(static_cast<Dimension>(i), "EUR")) units.push_back(unit);
  }
  for (int i = 0; i <= static_cast<int>(Dimension::grams_co2_per_kwh); ++i) {
    const auto dimension = static_cast<Dimension>(i);
    for (const bool signed_value : {false, true}) {
      const std::regex pattern(quantity_pattern(dimension, signed_value));
      for (const auto& number : numbers) {
        for (const auto& unit : units) {
          for (const auto& text : {number + unit, number + " " + unit, " " + number + "  " + unit + " "}) {
            INFO(dimension_name(dimension) << (signed_value ? " (signed)" : "") << ": '" << text << "'");
            CHECK(std::regex_match(text, pattern) == accepted(text, dimension, signed_value));
          }
        }
      }
    }
  }
}

TEST_CASE("the schema is draft-07, documented, and refuses unknown keys", "[schema]") {
  const json schema = schema_of("scenario");
  CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(schema["title"] == "tco scenario");
  CHECK(schema["additionalProperties"] == false);
  CHECK(schema["required"] == json::array({"schema_version", "name", "start", "horizon", "sites"}));
  CHECK(schema["properties"]["name"]["description"] == "The scenario's name, shown in reports.");
  // Fields in the order the reader asks for them, the order "expected one of" lists them.
  std::vector<std::string> keys;
  for (const auto& [key, value] : schema["properties"].items()) keys.push_back(key);
  CHECK(keys.front() == "schema_version");
  CHECK(keys.back() == "budgets");
  const json& workload = schema["definitions"]["workload"];
  CHECK(workload["properties"]["kind"]["enum"] == json::array({"training", "inference"}));
  CHECK(workload["additionalProperties"] == false);
  // gpus is needed unless the demand gives the GPUs.
  CHECK(workload["allOf"][0]["anyOf"].size() == 3);
  // An enum value that is a number in YAML is allowed as one.
  CHECK(schema["properties"]["hours_per_month"]["enum"] == json::array({"730", 730, "calendar"}));
}

TEST_CASE("maps of named entries take any name, with the entry's shape", "[schema]") {
  const json schema = schema_of("scenario");
  CHECK(schema["definitions"]["sites"]["additionalProperties"]["$ref"] == "#/definitions/site");
  const json prices = schema_of("prices");
  const json& ports = prices["definitions"]["interconnect_ports"];
  CHECK(ports["properties"].contains("source"));
  CHECK(ports["additionalProperties"]["anyOf"][0]["$ref"] == "#/definitions/quantity.money_per_hour");
  CHECK(ports["additionalProperties"]["anyOf"][1]["$ref"] == "#/definitions/sourced.money_per_hour");
}

TEST_CASE("a site's kind decides which keys may follow", "[schema]") {
  const json site = schema_of("scenario")["definitions"]["site"];
  REQUIRE(site["allOf"].size() == 2);
  const json& cloud = site["allOf"][0];
  CHECK(cloud["if"]["properties"]["kind"]["const"] == "cloud");
  CHECK(cloud["then"]["additionalProperties"] == false);
  CHECK(cloud["then"]["required"] == json::array({"provider", "region"}));
  CHECK(cloud["then"]["properties"].contains("zone"));
  CHECK_FALSE(cloud["then"]["properties"].contains("hardware"));
}

TEST_CASE("a value may be a distribution of exactly one kind", "[schema]") {
  const json schema = schema_of("scenario");
  const json& utilization = schema["definitions"]["workload"]["properties"]["utilization"];
  CHECK(utilization["anyOf"][0]["$ref"] == "#/definitions/quantity.fraction");
  CHECK(utilization["anyOf"][1]["$ref"] == "#/definitions/distribution.fraction");
  const json& distribution = schema["definitions"]["distribution.fraction"];
  CHECK(distribution["oneOf"].size() == 5);
  CHECK(distribution["oneOf"][4]["required"] == json::array({"choice"}));
  CHECK(distribution["oneOf"][4]["properties"].contains("weights"));
  CHECK_FALSE(distribution["oneOf"][0]["properties"].contains("weights"));
  // price_uncertainty's changes may be negative.
  CHECK(schema["definitions"]["price_uncertainty"]["properties"]["all"]["$ref"] ==
        "#/definitions/distribution.fraction.signed");
}

TEST_CASE("a price sheet and an overlay differ by their kind and discounts", "[schema]") {
  const json prices = schema_of("prices");
  CHECK(prices["properties"]["kind"]["enum"] == json::array({"sheet"}));
  CHECK_FALSE(prices["properties"].contains("discounts"));
  CHECK(prices["dependencies"]["regions"] == json::array({"billing_gb"}));
  const json overlay = schema_of("overlay");
  CHECK(overlay["properties"]["kind"]["enum"] == json::array({"overlay"}));
  CHECK(overlay["properties"].contains("discounts"));
  const auto& required = overlay["required"];
  CHECK(std::find(required.begin(), required.end(), "kind") != required.end());
}
