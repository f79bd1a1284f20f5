#pragma once
// How a gate check reads in every format: its limit, the figure found and the verdict, and
// its JSON object. Shared by `tco check` and `tco diff`.
#include <string>

#include <nlohmann/json.hpp>

#include "tco/report/gates.hpp"

namespace tco {

// "$120,000", "$1,000/month"; for an increase "+5.0 %" or "+$1,000/month".
std::string gate_limit_text(const GateCheck& check, const std::string& currency);
// "$100,000", "$50,000 in 2027-01 (highest)"; for an increase "+12.3 % ($1,000 → $1,123)".
std::string gate_actual_text(const GateCheck& check, const std::string& currency);
// "ok", "BREACHED by $5,000", "BREACHED in 2 months: 2027-01..2027-02", "FAILED: …".
std::string gate_result_text(const GateCheck& check, const std::string& currency);
// The gate's name as listed: the budget's name or scope, or the option as given.
std::string gate_name(const GateCheck& check);

// The object each JSON document lists a check as.
nlohmann::ordered_json gate_json(const GateCheck& check);

// "llm-70b: 3 budget checks, 1 breached": the first line of tco check in every format.
std::string check_headline(const CheckReport& report);

}  // namespace tco
