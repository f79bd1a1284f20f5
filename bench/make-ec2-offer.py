#!/usr/bin/env python3
"""Writes a synthetic AmazonEC2 per-region offer file shaped like AWS's (us-east-1's is ~480 MB).

    bench/make-ec2-offer.py OUT.json [--mb 500] [--region us-east-1]

The shape is the AWS Price List's: 2-space indentation with " : " separators, every product's
attributes, then terms.OnDemand and terms.Reserved (1yr/3yr x standard/convertible x No/Partial/
All Upfront, the upfront ones with a "Quantity" fee). Instance types cycle through GPU and CPU
families, each priced for every operating system, tenancy, pre-installed software and capacity
status, so the file holds the collisions the importer must filter (about 1 SKU in 150 is a
Linux/shared/no-software/used GPU instance). SKUs and prices are invented and deterministic:
the same arguments write the same bytes. Not a price source.
"""
import argparse
import hashlib

GPU_TYPES = [  # (instance type, GPUs, on-demand USD/h)
    ("p5.48xlarge", "8", 55.04), ("p5.4xlarge", "1", 6.88), ("p5en.48xlarge", "8", 63.296),
    ("p4d.24xlarge", "8", 21.957642), ("p4de.24xlarge", "8", 27.44705), ("p6-b200.48xlarge", "8", 113.9328),
    ("g6e.xlarge", "1", 1.861), ("g6e.12xlarge", "4", 10.49264), ("g6e.48xlarge", "8", 30.13118),
    ("g5.xlarge", "1", 1.006), ("g5.48xlarge", "8", 16.288), ("g6.xlarge", "1", 0.8048),
    ("g6f.large", "0.125", 0.2), ("g4dn.xlarge", "1", 0.526),
]
CPU_FAMILIES = ["m7i", "c7i", "r7i", "m6i", "c6i", "r6i", "m7g", "c7g", "r7g", "m6a", "c6a", "r6a", "i4i", "x2idn"]
SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]
OPERATING_SYSTEMS = ["Linux", "Windows", "RHEL", "SUSE", "Red Hat Enterprise Linux with HA", "Ubuntu Pro"]
TENANCIES = ["Shared", "Dedicated", "Host"]
SOFTWARE = ["NA", "SQL Web", "SQL Std", "SQL Ent"]
CAPACITY = ["Used", "UnusedCapacityReservation", "AllocatedCapacityReservation"]


def instance_types(cycle):
    """The GPU types once; then CPU families, renamed in each later cycle ("m7i-2.large") so
    that every instance type is distinct, as in AWS's files (about 900 types in us-east-1)."""
    types = [(t, g, p) for t, g, p in GPU_TYPES] if cycle == 0 else []
    for family in CPU_FAMILIES:
        name = family if cycle == 0 else f"{family}-{cycle}"
        for i, size in enumerate(SIZES):
            types.append((f"{name}.{size}", None, 0.05 * (2 ** i)))
    return types


def sku_of(n):
    return hashlib.sha1(str(n).encode()).hexdigest()[:16].upper()


def variants():
    """Every (instance, gpus, price, os, tenancy, software, capacity), in a fixed order."""
    n = 0
    cycle = 0
    while True:
        for itype, gpus, price in instance_types(cycle):
            for os_ in OPERATING_SYSTEMS:
                for tenancy in TENANCIES:
                    for sw in SOFTWARE:
                        if sw != "NA" and os_ not in ("Windows", "Linux"):
                            continue
                        for cap in CAPACITY:
                            yield n, itype, gpus, price, os_, tenancy, sw, cap
                            n += 1
        cycle += 1


def product(n, itype, gpus, os_, tenancy, sw, cap, region):
    sku = sku_of(n)
    lic = "No License required" if os_ != "Windows" else "License Included"
    attrs = [
        ("servicecode", "AmazonEC2"), ("location", "US East (N. Virginia)"), ("locationType", "AWS Region"),
        ("instanceType", itype), ("currentGeneration", "Yes"),
        ("instanceFamily", "Accelerated Computing" if gpus else "General purpose"), ("vcpu", "192"),
        ("physicalProcessor", "Intel Xeon Platinum 8488C"), ("clockSpeed", "3.2 GHz"), ("memory", "2048 GiB"),
        ("storage", "8 x 3840 NVMe SSD"), ("networkPerformance", "3200 Gigabit"),
        ("processorArchitecture", "64-bit"), ("tenancy", tenancy), ("operatingSystem", os_),
        ("licenseModel", lic), ("usagetype", f"BoxUsage:{itype}"), ("operation", "RunInstances"),
        ("availabilityzone", "NA"), ("capacitystatus", cap), ("classicnetworkingsupport", "false"),
        ("dedicatedEbsThroughput", "80 Gbps"), ("ecu", "NA"), ("enhancedNetworkingSupported", "Yes"),
    ]
    if gpus:
        attrs += [("gpu", gpus), ("gpuMemory", "640 GB")]
    attrs += [
        ("intelAvxAvailable", "Yes"), ("intelAvx2Available", "Yes"), ("intelTurboAvailable", "Yes"),
        ("marketoption", "OnDemand"), ("normalizationSizeFactor", "384"), ("preInstalledSw", sw),
        ("processorFeatures", "Intel AVX, Intel AVX2, Intel AVX512, Intel Turbo"), ("regionCode", region),
        ("servicename", "Amazon Elastic Compute Cloud"), ("vpcnetworkingsupport", "true"),
    ]
    body = ",\n".join(f'        "{k}" : "{v}"' for k, v in attrs)
    return (f'    "{sku}" : {{\n      "sku" : "{sku}",\n      "productFamily" : "Compute Instance",\n'
            f'      "attributes" : {{\n{body}\n      }}\n    }}')


def dimension(sku, term, rate, unit, usd, description):
    return (f'            "{sku}.{term}.{rate}" : {{\n              "rateCode" : "{sku}.{term}.{rate}",\n'
            f'              "description" : "{description}",\n              "beginRange" : "0",\n'
            f'              "endRange" : "Inf",\n              "unit" : "{unit}",\n'
            f'              "pricePerUnit" : {{\n                "USD" : "{usd:.10f}"\n              }},\n'
            f'              "appliesTo" : [ ]\n            }}')


def term(sku, code, dims, attributes):
    attrs = ",\n".join(f'            "{k}" : "{v}"' for k, v in attributes)
    return (f'        "{sku}.{code}" : {{\n          "offerTermCode" : "{code}",\n          "sku" : "{sku}",\n'
            f'          "effectiveDate" : "2026-11-01T00:00:00Z",\n          "priceDimensions" : {{\n'
            + ",\n".join(dims) + f'\n          }},\n          "termAttributes" : {{\n{attrs}\n          }}\n        }}')


def price_of(price, os_, tenancy, sw):
    return price * (1.0 + 0.04 * OPERATING_SYSTEMS.index(os_) + 0.1 * TENANCIES.index(tenancy)
                    + 0.2 * SOFTWARE.index(sw))


def on_demand(n, itype, price, os_, tenancy, sw):
    sku = sku_of(n)
    usd = price_of(price, os_, tenancy, sw)
    dim = dimension(sku, "JRTCKXETXF", "6YS6EN2CT7", "Hrs", usd,
                    f"${usd:.4f} per On Demand {os_} {itype} Instance Hour")
    return f'      "{sku}" : {{\n' + term(sku, "JRTCKXETXF", [dim], []) + "\n      }"


RESERVED = [(lease, cls, option) for lease in ("1yr", "3yr") for cls in ("standard", "convertible")
            for option in ("No Upfront", "Partial Upfront", "All Upfront")]


def reserved(n, itype, price, os_, tenancy, sw):
    sku = sku_of(n)
    hourly = price_of(price, os_, tenancy, sw)
    terms = []
    for i, (lease, cls, option) in enumerate(RESERVED):
        code = hashlib.sha1(f"{n}.{i}".encode()).hexdigest()[:10].upper()
        years = 1 if lease == "1yr" else 3
        rate = hourly * (0.62 if years == 1 else 0.4) * (1.0 if cls == "standard" else 1.1)
        dims = []
        # AWS writes an hourly dimension for every option, 0 for All Upfront.
        recurring = {"No Upfront": rate, "Partial Upfront": rate / 2, "All Upfront": 0.0}[option]
        dims.append(dimension(sku, code, "6YS6EN2CT7", "Hrs", recurring, f"{os_} ({itype}) reserved instance applied"))
        if option != "No Upfront":
            fee = rate * 8760 * years * (1.0 if option == "All Upfront" else 0.5)
            dims.append(dimension(sku, code, "2TG2D8R56U", "Quantity", fee, "Upfront Fee"))
        terms.append(term(sku, code, dims, [("LeaseContractLength", lease), ("OfferingClass", cls),
                                            ("PurchaseOption", option)]))
    return f'      "{sku}" : {{\n' + ",\n".join(terms) + "\n      }"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--mb", type=float, default=500)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    target = args.mb * 1e6
    # Bytes per SKU, from the first thousand: how many SKUs make the target size.
    sample = []
    for v in variants():
        n, itype, gpus, price, os_, tenancy, sw, cap = v
        size = len(product(n, itype, gpus, os_, tenancy, sw, cap, args.region)) + \
            len(on_demand(n, itype, price, os_, tenancy, sw))
        if cap == "Used" and tenancy != "Host":
            size += len(reserved(n, itype, price, os_, tenancy, sw))
        sample.append(size)
        if len(sample) == 1000:
            break
    count = int(target / (sum(sample) / len(sample)))
    chosen = []
    for v in variants():
        if len(chosen) == count:
            break
        chosen.append(v)
    with open(args.out, "w") as out:
        out.write('{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "Synthetic file for tco\'s benchmark; not '
                  'prices.",\n  "offerCode" : "AmazonEC2",\n  "version" : "20261101000000",\n'
                  '  "publicationDate" : "2026-11-01T00:00:00Z",\n  "products" : {\n')
        out.write(",\n".join(product(n, t, g, o, te, s, c, args.region) for n, t, g, p, o, te, s, c in chosen))
        out.write('\n  },\n  "terms" : {\n    "OnDemand" : {\n')
        out.write(",\n".join(on_demand(n, t, p, o, te, s) for n, t, g, p, o, te, s, c in chosen))
        out.write('\n    },\n    "Reserved" : {\n')
        out.write(",\n".join(reserved(n, t, p, o, te, s) for n, t, g, p, o, te, s, c in chosen
                             if c == "Used" and te != "Host"))
        out.write('\n    }\n  },\n  "attributesList" : { }\n}\n')


if __name__ == "__main__":
    main()
