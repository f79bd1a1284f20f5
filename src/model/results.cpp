#include "tco/model/results.hpp"

#include <algorithm>

namespace tco {

const char* to_string(UsageUnit unit) {
  switch (unit) {
    case UsageUnit::instance_hours:
      return "instance-hours";
    case UsageUnit::gpu_hours:
      return "GPU-hours";
    case UsageUnit::port_hours:
      return "port-hours";
    case UsageUnit::bytes:
      return "bytes";
    case UsageUnit::byte_months:
      return "byte-months";
    case UsageUnit::servers:
      return "servers";
    case UsageUnit::server_months:
      return "server-months";
    case UsageUnit::kilowatt_hours:
      return "kWh";
    case UsageUnit::kilowatt_months:
      return "kW-months";
    case UsageUnit::full_time_months:
      return "FTE-months";
  }
  return "";
}

const StrategyResult* ModelResult::find_strategy(const std::string& name) const {
  const auto it =
      std::find_if(strategies.begin(), strategies.end(), [&](const StrategyResult& s) { return s.name == name; });
  return it == strategies.end() ? nullptr : &*it;
}

}  // namespace tco
