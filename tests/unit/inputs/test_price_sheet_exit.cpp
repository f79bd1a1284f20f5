// A sheet's exit programs (src/inputs/price_sheet_exit.cpp; tco-prices(5), EXIT PROGRAMS): when
// and where each applies, and which one an exit gets (PriceSheet::exit_program_for).
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/inputs/price_overlay.hpp"

using namespace tco;

namespace {

// The acme sheet (regions east and west) with `programs` as its exit_programs list.
std::string acme_with_programs(const std::string& programs) {
  std::string sheet = test::kAcmeSheet;
  sheet.insert(sheet.find("regions:"), "exit_programs:\n" + programs);
  return sheet;
}

// One program's list entry: `extra` adds keys (from, until, regions) to it.
std::string exit_program_entry(const std::string& id, const std::string& refund, const std::string& extra = "") {
  return "  - id: " + id + "\n    name: " + id + "\n    covers: egress\n    scope: somewhere\n" + extra +
         "    conditions: [leave]\n    refund: {value: " + refund + ", source: list}\n";
}

std::vector<std::string> exit_program_errors(const std::string& text) {
  const auto sheet = load_price_sheet(text, "sheet.yaml");
  std::vector<std::string> out;
  for (const auto& d : sheet.diagnostics().items()) {
    if (d.severity == Severity::error) out.push_back(format_location(d));
  }
  return out;
}

Date day_of(const char* text) { return parse_date(text).value(); }

}  // namespace

TEST_CASE("an exit program applies on and after from, before until, in its regions", "[exit_programs]") {
  const auto sheet =
      load_price_sheet(acme_with_programs(exit_program_entry(
                           "eu-rule", "100 %", "    from: 2027-01-12\n    until: 2030-01-01\n    regions: [east]\n")),
                       "acme.yaml");
  REQUIRE(sheet);
  const ExitProgram& program = sheet->exit_programs.at(0);
  CHECK(program.from == day_of("2027-01-12"));
  CHECK(program.until == day_of("2030-01-01"));
  CHECK(program.regions == std::vector<std::string>{"east"});
  CHECK_FALSE(program.applies("east", day_of("2027-01-11")));
  CHECK(program.applies("east", day_of("2027-01-12")));
  CHECK(program.applies("east", day_of("2029-12-31")));
  CHECK_FALSE(program.applies("east", day_of("2030-01-01")));
  CHECK_FALSE(program.applies("west", day_of("2028-01-01")));
  CHECK(sheet->exit_program_for("east", day_of("2027-02-01")) == &program);
  CHECK(sheet->exit_program_for("east", day_of("2027-01-01")) == nullptr);  // not yet
  CHECK(sheet->exit_program_for("west", day_of("2027-02-01")) == nullptr);  // not there
}

TEST_CASE("an exit program without from, until or regions applies everywhere, always", "[exit_programs]") {
  const auto sheet = load_price_sheet(acme_with_programs(exit_program_entry("anywhere", "50 %")), "acme.yaml");
  REQUIRE(sheet);
  const ExitProgram& program = sheet->exit_programs.at(0);
  CHECK_FALSE(program.from);
  CHECK_FALSE(program.until);
  CHECK(program.regions.empty());
  CHECK(sheet->exit_program_for("east", day_of("1999-01-01")) == &program);
  CHECK(sheet->exit_program_for("west", day_of("2100-01-01")) == &program);
  CHECK(sheet->exit_program_for("nowhere", day_of("2027-01-01")) == &program);
}

TEST_CASE("an exit gets the program with the largest refund there and then, the first listed of equals",
          "[exit_programs]") {
  const auto sheet = load_price_sheet(
      acme_with_programs(exit_program_entry("half", "50 %") +
                         exit_program_entry("east-full", "100 %", "    from: 2027-01-12\n    regions: east\n") +
                         exit_program_entry("east-full-too", "100 %", "    regions: [east]\n")),
      "acme.yaml");
  REQUIRE(sheet);
  REQUIRE(sheet->exit_programs.size() == 3);
  // East before 2027-01-12: east-full not yet; east-full-too beats half.
  CHECK(sheet->exit_program_for("east", day_of("2027-01-01"))->id == "east-full-too");
  // From 2027-01-12 east-full and east-full-too refund the same: the first listed.
  CHECK(sheet->exit_program_for("east", day_of("2027-01-12"))->id == "east-full");
  // West: only the worldwide half.
  CHECK(sheet->exit_program_for("west", day_of("2027-06-01"))->id == "half");
}

TEST_CASE("an exit program's dates and regions are checked, every error at its place", "[exit_programs]") {
  SECTION("until must come after from") {
    const auto errors = exit_program_errors(
        acme_with_programs(exit_program_entry("p", "100 %", "    from: 2027-01-12\n    until: 2027-01-12\n")));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "sheet.yaml:15:12: exit_programs[0].until: expected a day after from (2027-01-12), found "
          "2027-01-12");
  }
  SECTION("a date that does not exist") {
    const auto errors =
        exit_program_errors(acme_with_programs(exit_program_entry("p", "100 %", "    from: 2027-02-30\n")));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "sheet.yaml:14:11: exit_programs[0].from: expected an existing date as YYYY-MM-DD, found '2027-02-30'");
  }
  SECTION("an unknown region, with a suggestion") {
    const auto errors =
        exit_program_errors(acme_with_programs(exit_program_entry("p", "100 %", "    regions: [east, wset]\n")));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "sheet.yaml:14:14: exit_programs[0].regions: unknown region 'wset' in acme@2026-01-01, did "
          "you mean 'west'?; its regions are 'east' or 'west'");
  }
  SECTION("an empty list of regions") {
    const auto errors = exit_program_errors(acme_with_programs(exit_program_entry("p", "100 %", "    regions: []\n")));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "sheet.yaml:14:14: exit_programs[0].regions: expected at least one region id; leave regions "
          "out for a program that covers every region");
  }
  SECTION("every error of every program at once") {
    const auto errors = exit_program_errors(
        acme_with_programs(exit_program_entry("p", "100 %", "    from: 2028-01-01\n    until: 2027-01-01\n") +
                           exit_program_entry("q", "100 %", "    regions: [north]\n")));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].find("exit_programs[0].until: expected a day after from (2028-01-01)") != std::string::npos);
    CHECK(errors[1].find("exit_programs[1].regions: unknown region 'north'") != std::string::npos);
  }
}

TEST_CASE("an overlay's exit program may name the regions of the sheet below it", "[exit_programs]") {
  const std::string head = R"(schema_version: 1
kind: overlay
provider: acme
name: acme-exit-deal
effective_date: 2026-06-01
currency: USD
sources:
  - {id: deal, title: Contract, url: https://example.org/deal, retrieved: 2026-06-01, confidence: primary}
exit_programs:
)";
  const auto entry = [](const std::string& regions) {
    return "  - {id: deal-exit, name: Deal, covers: egress, scope: contract, regions: " + regions +
           ", conditions: [ask], refund: {value: 100 %, source: deal}}\n";
  };
  const PriceSheet below = load_price_sheet(test::kAcmeSheet, "acme.yaml").value();
  SECTION("a region of the sheet") {
    auto overlay = load_price_sheet(head + entry("[west]"), "deal.yaml");
    REQUIRE(overlay);
    PriceSheet view = below;
    Diagnostics d;
    apply_overlay(view, overlay.value(), d);
    CHECK_FALSE(d.has_errors());
    CHECK(view.exit_program_for("west", day_of("2026-07-01"))->id == "deal-exit");
    CHECK(view.exit_program_for("east", day_of("2026-07-01")) == nullptr);
  }
  SECTION("a region it does not have") {
    auto overlay = load_price_sheet(head + entry("[north]"), "deal.yaml");
    REQUIRE(overlay);  // its own regions are not all the provider's: checked when applied
    PriceSheet view = below;
    Diagnostics d;
    apply_overlay(view, overlay.value(), d);
    REQUIRE(d.has_errors());
    CHECK(format_location(d.items().at(0)) ==
          "deal.yaml:10:75: exit_programs[0].regions: unknown region 'north' in acme@2026-01-01; its regions are "
          "'east' or 'west'");
  }
}
