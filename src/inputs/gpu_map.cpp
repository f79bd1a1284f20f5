// The GPU map: which GPU each provider's instance family carries. The price files give a GPU
// count but not the model (AWS's "gpu" attribute is a number), price the GPU apart from the
// machine it comes in (Google Cloud), or name only the VM size (Azure), so the importers look
// the model and the machine up here. This is the one place that names them; each entry cites the provider's page that
// states it. A family not listed is reported by SKU and skipped, never guessed.
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

// Google Cloud: the GPU SKUs of Compute Engine's Cloud Billing Catalog, by the description
// without its usage and region wording. The accelerator types and the GPU each is are on
// Google's GPU machine types page; the SKU wordings are the catalog's, as peers read them
// (SkyPilot, gpuhunt, sc-crawler). "Nvidia H100 80GB Plus GPU" is left out on purpose: peers
// disagree whether it prices a3-highgpu or a3-megagpu, and a guess would price one of them
// wrong; it is reported by SKU.
struct GcpGpuEntry {
  std::string_view name;
  std::string_view accelerator;
  std::string_view gpu;
  bool modelled;
};

constexpr std::string_view kGcpGpus = "https://cloud.google.com/compute/docs/gpus";
constexpr std::string_view kGcpMachinePage = "https://cloud.google.com/compute/docs/accelerator-optimized-machines";

constexpr std::array<GcpGpuEntry, 16> kGcpGpuSkus{{
    {"Nvidia Tesla A100 GPU", "nvidia-tesla-a100", "A100-40GB", true},      // A100 40GB: A2 Standard
    {"Nvidia Tesla A100 80GB GPU", "nvidia-a100-80gb", "A100-80GB", true},  // A2 Ultra
    {"Nvidia A100 80GB GPU", "nvidia-a100-80gb", "A100-80GB", true},
    {"Nvidia H100 80GB GPU", "nvidia-h100-80gb", "H100", true},            // A3 High
    {"Nvidia H100 80GB Mega GPU", "nvidia-h100-mega-80gb", "H100", true},  // A3 Mega
    {"Nvidia H100 Mega 80GB GPU", "nvidia-h100-mega-80gb", "H100", true},
    {"H200 141GB GPU", "nvidia-h200-141gb", "H200", true},  // A3 Ultra
    {"Nvidia H200 141GB GPU", "nvidia-h200-141gb", "H200", true},
    {"A4 Nvidia B200 (1 gpu slice)", "nvidia-b200", "B200", true},    // A4, per GPU with its host share
    {"Nvidia L4 GPU", "nvidia-l4", "L4", false},                      // G2
    {"Nvidia Tesla T4 GPU", "nvidia-tesla-t4", "T4", false},          // N1
    {"Nvidia Tesla V100 GPU", "nvidia-tesla-v100", "V100", false},    // N1
    {"Nvidia Tesla P100 GPU", "nvidia-tesla-p100", "P100", false},    // N1
    {"Nvidia Tesla P4 GPU", "nvidia-tesla-p4", "P4", false},          // N1
    {"Nvidia Tesla K80 GPU", "nvidia-tesla-k80", "K80", false},       // N1, retired
    {"RTX 6000 96GB", "nvidia-rtx-pro-6000", "RTX PRO 6000", false},  // G4
}};

// The machine types priced from components, with their shapes from Google's
// accelerator-optimized machine family page (vCPUs, memory in GiB, bundled local SSD in GiB:
// 375 GiB disks). The A3 Mega's vCPU and memory SKUs are the "A3Plus" ones, the A3 Ultra's
// "A3Ultra". A4 has no vCPU, memory or local SSD SKUs: its "(1 gpu slice)" SKU is the machine's
// price per GPU, and tco adds nothing for its 12,000 GiB of local SSD. a3-highgpu-1g/2g/4g are
// left out: Google sells them as Spot or Flex-start VMs only.
constexpr std::array<GcpMachineType, 13> kGcpMachineTypes{{
    {"a2-highgpu-1g", "nvidia-tesla-a100", 1, "A2", 12, 85, 0, kGcpMachinePage},
    {"a2-highgpu-2g", "nvidia-tesla-a100", 2, "A2", 24, 170, 0, kGcpMachinePage},
    {"a2-highgpu-4g", "nvidia-tesla-a100", 4, "A2", 48, 340, 0, kGcpMachinePage},
    {"a2-highgpu-8g", "nvidia-tesla-a100", 8, "A2", 96, 680, 0, kGcpMachinePage},
    {"a2-megagpu-16g", "nvidia-tesla-a100", 16, "A2", 96, 1360, 0, kGcpMachinePage},
    {"a2-ultragpu-1g", "nvidia-a100-80gb", 1, "A2", 12, 170, 375, kGcpMachinePage},
    {"a2-ultragpu-2g", "nvidia-a100-80gb", 2, "A2", 24, 340, 750, kGcpMachinePage},
    {"a2-ultragpu-4g", "nvidia-a100-80gb", 4, "A2", 48, 680, 1500, kGcpMachinePage},
    {"a2-ultragpu-8g", "nvidia-a100-80gb", 8, "A2", 96, 1360, 3000, kGcpMachinePage},
    {"a3-highgpu-8g", "nvidia-h100-80gb", 8, "A3", 208, 1872, 6000, kGcpMachinePage},  // 16 x 375 GiB
    {"a3-megagpu-8g", "nvidia-h100-mega-80gb", 8, "A3Plus", 208, 1872, 6000, kGcpMachinePage},
    {"a3-ultragpu-8g", "nvidia-h200-141gb", 8, "A3Ultra", 224, 2952, 12000, kGcpMachinePage},  // 32 x 375 GiB
    {"a4-highgpu-8g", "nvidia-b200", 8, "", 224, 3968, 0, kGcpMachinePage},
}};

// Azure lists VM sizes, and a size's name says its series but not always its GPU count, so
// the map lists sizes. The pages are Microsoft Learn's size-series pages.
struct AzureSizeEntry {
  std::string_view size;  // armSkuName
  std::string_view gpu;
  int gpus;
  bool modelled;  // one of gpu_model_names()
  std::string_view source;
};

constexpr std::string_view kNdH100 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndh100v5-series";
constexpr std::string_view kNdH200 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nd-h200-v5-series";
constexpr std::string_view kNdMi300x =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndmi300xv5-series";
constexpr std::string_view kNdmA100 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndma100v4-series";
constexpr std::string_view kNdA100 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndasra100v4-series";
constexpr std::string_view kNcH100 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncadsh100v5-series";
constexpr std::string_view kNccH100 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nccadsh100v5-series";
constexpr std::string_view kNdGb200 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nd-gb200-v6-series";
constexpr std::string_view kNcA100 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nca100v4-series";
constexpr std::string_view kNcT4 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncast4v3-series";
constexpr std::string_view kNvA10 =
    "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nvadsa10v5-series";

constexpr std::array<AzureSizeEntry, 15> kAzureSizes{{
    // ND H100 v5: 8 NVIDIA H100 80 GB (SXM) per VM.
    {"Standard_ND96isr_H100_v5", "H100", 8, true, kNdH100},
    // ND H200 v5: 8 NVIDIA H200 141 GB.
    {"Standard_ND96isr_H200_v5", "H200", 8, true, kNdH200},
    // ND MI300X v5: 8 AMD Instinct MI300X 192 GB.
    {"Standard_ND96isr_MI300X_v5", "MI300X", 8, true, kNdMi300x},
    // NDm A100 v4: 8 NVIDIA A100 80 GB (SXM).
    {"Standard_ND96amsr_A100_v4", "A100-80GB", 8, true, kNdmA100},
    // ND A100 v4: 8 NVIDIA A100 40 GB (SXM).
    {"Standard_ND96asr_v4", "A100-40GB", 8, true, kNdA100},
    // NC H100 v5: NVIDIA H100 NVL 94 GB (PCIe), one or two by size.
    {"Standard_NC40ads_H100_v5", "H100-NVL", 1, true, kNcH100},
    {"Standard_NC80adis_H100_v5", "H100-NVL", 2, true, kNcH100},
    // NCC H100 v5 (confidential VMs): one NVIDIA H100 NVL 94 GB.
    {"Standard_NCC40ads_H100_v5", "H100-NVL", 1, true, kNccH100},
    // ND GB200 v6: 2 NVIDIA Grace CPUs and 4 Blackwell GPUs per VM.
    {"Standard_ND128isr_NDR_GB200_v6", "GB200", 4, true, kNdGb200},
    // NC A100 v4: NVIDIA A100 80 GB PCIe, which tco's A100-80GB (SXM) does not model.
    {"Standard_NC24ads_A100_v4", "A100 80GB PCIe", 0, false, kNcA100},
    {"Standard_NC48ads_A100_v4", "A100 80GB PCIe", 0, false, kNcA100},
    {"Standard_NC96ads_A100_v4", "A100 80GB PCIe", 0, false, kNcA100},
    // NCasT4 v3: NVIDIA T4.
    {"Standard_NC4as_T4_v3", "T4", 0, false, kNcT4},
    {"Standard_NC64as_T4_v3", "T4", 0, false, kNcT4},
    // NVads A10 v5: an NVIDIA A10, or a fraction of one in the smaller sizes.
    {"Standard_NV36ads_A10_v5", "A10", 0, false, kNvA10},
}};

}  // namespace

std::optional<GcpGpu> gcp_sku_gpu(std::string_view name) {
  for (const auto& entry : kGcpGpuSkus) {
    if (entry.name == name) return GcpGpu{entry.accelerator, {entry.gpu, entry.modelled, kGcpGpus}};
  }
  return std::nullopt;
}

std::optional<GpuIdentity> gcp_accelerator_gpu(std::string_view accelerator) {
  for (const auto& entry : kGcpGpuSkus) {
    if (entry.accelerator == accelerator) return GpuIdentity{entry.gpu, entry.modelled, kGcpGpus};
  }
  return std::nullopt;
}

std::span<const GcpMachineType> gcp_machine_types() { return kGcpMachineTypes; }

std::optional<AzureVmGpu> azure_vm_gpu(std::string_view arm_sku_name) {
  for (const auto& entry : kAzureSizes) {
    if (entry.size == arm_sku_name) {
      return AzureVmGpu{GpuIdentity{entry.gpu, entry.modelled, entry.source}, entry.gpus};
    }
  }
  return std::nullopt;
}

bool azure_gpu_series(std::string_view arm_sku_name) {
  constexpr std::string_view kPrefix = "Standard_N";
  if (arm_sku_name.substr(0, kPrefix.size()) != kPrefix || arm_sku_name.size() <= kPrefix.size()) return false;
  const char series = arm_sku_name[kPrefix.size()];
  return series == 'C' || series == 'D' || series == 'G' || series == 'V';
}

std::optional<GpuIdentity> aws_instance_gpu(std::string_view instance_type) {
  const std::string_view family = instance_type.substr(0, instance_type.find('.'));
  for (const auto& entry : kAwsFamilies) {
    if (entry.family == family) return GpuIdentity{entry.gpu, entry.modelled, entry.source};
  }
  return std::nullopt;
}

}  // namespace tco::price_import
