// The GPU map: which GPU each provider's instance family carries. The price files give a GPU
// count but not the model (AWS's "gpu" attribute is a number), so the importers look the
// model up here. This is the one place that names them; each entry cites the provider's page
// that states it. A family not listed is reported by SKU and skipped, never guessed.
#include <array>

#include "price_import_internal.hpp"

namespace tco::price_import {
namespace {

struct GpuMapEntry {
  std::string_view family;  // the instance type's part before the '.'
  std::string_view gpu;
  bool modelled;  // one of gpu_model_names()
  std::string_view source;
};

constexpr std::string_view kP5 = "https://aws.amazon.com/ec2/instance-types/p5/";
constexpr std::string_view kP4 = "https://aws.amazon.com/ec2/instance-types/p4/";
constexpr std::string_view kP6 = "https://aws.amazon.com/ec2/instance-types/p6/";
constexpr std::string_view kG6e = "https://aws.amazon.com/ec2/instance-types/g6e/";
constexpr std::string_view kG6 = "https://aws.amazon.com/ec2/instance-types/g6/";
constexpr std::string_view kG5 = "https://aws.amazon.com/ec2/instance-types/g5/";
constexpr std::string_view kG4 = "https://aws.amazon.com/ec2/instance-types/g4/";
constexpr std::string_view kP3 = "https://aws.amazon.com/ec2/instance-types/p3/";

constexpr std::array<GpuMapEntry, 16> kAwsFamilies{{
    {"p5", "H100", true, kP5},                // P5: NVIDIA H100 Tensor Core GPUs (80 GB)
    {"p5e", "H200", true, kP5},               // P5e: NVIDIA H200 (141 GB)
    {"p5en", "H200", true, kP5},              // P5en: NVIDIA H200 with Intel Sapphire Rapids
    {"p4d", "A100-40GB", true, kP4},          // P4d: NVIDIA A100 40 GB
    {"p4de", "A100-80GB", true, kP4},         // P4de: NVIDIA A100 80 GB
    {"p6-b200", "B200", true, kP6},           // P6-B200: NVIDIA Blackwell B200
    {"p6-b300", "B300", true, kP6},           // P6-B300: NVIDIA Blackwell Ultra B300
    {"p6e-gb200", "GB200", true, kP6},        // P6e-GB200 UltraServers: NVIDIA GB200 NVL72
    {"g6e", "L40S", true, kG6e},              // G6e: NVIDIA L40S Tensor Core GPUs (48 GB)
    {"g6", "L4", false, kG6},                 // G6: NVIDIA L4
    {"g6f", "L4", false, kG6},                // G6f: fractions of an NVIDIA L4
    {"gr6", "L4", false, kG6},                // Gr6: NVIDIA L4 with more memory per vCPU
    {"g5", "A10G", false, kG5},               // G5: NVIDIA A10G
    {"g4dn", "T4", false, kG4},               // G4dn: NVIDIA T4
    {"g4ad", "Radeon Pro V520", false, kG4},  // G4ad: AMD Radeon Pro V520
    {"p3", "V100", false, kP3},               // P3: NVIDIA V100
}};

}  // namespace

std::optional<GpuIdentity> aws_instance_gpu(std::string_view instance_type) {
  const std::string_view family = instance_type.substr(0, instance_type.find('.'));
  for (const auto& entry : kAwsFamilies) {
    if (entry.family == family) return GpuIdentity{entry.gpu, entry.modelled, entry.source};
  }
  return std::nullopt;
}

}  // namespace tco::price_import
