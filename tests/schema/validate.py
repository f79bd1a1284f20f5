#!/usr/bin/env python3
"""Validates YAML files against a schema of `tco schema`, with a validator that is not tco's.

python3-jsonschema (draft-07) and PyYAML (python3-yaml) check what the generator claims, so a
mistake in the generator does not hide itself: a bundled file the schema refuses, or a wrong
file it lets through, fails the test.

  validate.py SCHEMA FILE...                 every FILE must be valid
  validate.py --invalid SCHEMA FILE...       every FILE must be refused (the bad-input catalogue)
  validate.py --rejects SCHEMA BASE [CASE...] BASE must be valid, and each CASE, a change of it
                                             (all when none is named; --list KIND lists them),
                                             must be refused at its key

YAML is read as an editor's YAML 1.2 reads it, and as tco reads it: dates stay the text they
are (PyYAML would make 2026-01-01 a date), and only true and false are booleans (YAML 1.1's
yes, no, on and off are text).
"""
import datetime
import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as missing:
    sys.exit(f'validate.py: {missing}; tests/schema needs python3-jsonschema and python3-yaml, which '
             'scripts/setup.sh --with-tests installs')


class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ('tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:bool')]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'),
                             list('tTfF'))


def as_json(value):
    """The document as JSON has it: keys are text, and any date left is its ISO text."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def load(path):
    with open(path, encoding='utf-8') as file:
        return as_json(yaml.load(file, Loader=Loader))


def errors_of(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: [str(part) for part in e.absolute_path])


def where(error):
    return '.'.join(str(part) for part in error.absolute_path) or '(top level)'


def fits(error, path, word):
    """Whether the error, or an alternative it reports, is about `path` (or below) and names `word`."""
    if list(error.absolute_path)[:len(path)] == path and word in error.message:
        return True
    return any(fits(sub, path, word) for sub in error.context or [])


def resolved(document, path):
    """`path` with each '*' replaced by the name of the first entry of its map."""
    out, node = [], document
    for index, key in enumerate(path):
        key = next(iter(node)) if key == '*' else key
        out.append(key)
        if index + 1 < len(path):
            node = node[key]
    return out


def at(document, path):
    node = document
    for key in resolved(document, path):
        node = node[key]
    return node


def setting(path, value):
    return lambda document: at(document, path[:-1]).__setitem__(path[-1], value)


def deleting(path):
    return lambda document: at(document, path[:-1]).pop(path[-1])


# Changes of a valid file that tco refuses: (change, the key path where the schema must refuse
# it, a word its message must name). '*' is the first entry of a map of named entries.
SCENARIO_CASES = {
    'unknown-key': (setting(['utilisation'], '85 %'), [], 'utilisation'),
    'unknown-key-of-a-workload': (setting(['workloads', '*', 'utilisation'], '85 %'), ['workloads', '*'],
                                  'utilisation'),
    'wrong-enum-value': (setting(['hours_per_month'], 'monthly'), ['hours_per_month'], 'monthly'),
    'wrong-gpu-model': (setting(['workloads', '*', 'gpu'], 'H1000'), ['workloads', '*', 'gpu'], 'H1000'),
    'missing-required-key': (deleting(['name']), [], "'name'"),
    'missing-kind-of-a-site': (deleting(['sites', '*', 'kind']), ['sites', '*'], "'kind'"),
    'wrong-unit': (setting(['horizon'], '60 parsecs'), ['horizon'], 'parsecs'),
    'size-for-a-duration': (setting(['horizon'], '60 TB'), ['horizon'], 'TB'),
    'bare-number-for-a-percentage': (setting(['discount_rate'], 8), ['discount_rate'], '8'),
    'negative-percentage': (setting(['discount_rate'], '-8 %'), ['discount_rate'], '-8 %'),
    'two-distributions': (setting(['discount_rate'], {'range': ['1 %', '2 %'], 'triangular': ['1 %', '2 %', '3 %']}),
                          ['discount_rate'], 'triangular'),
    'weights-of-a-range': (setting(['discount_rate'], {'range': ['1 %', '2 %'], 'weights': [1, 2]}),
                           ['discount_rate'], 'weights'),
    'month-13': (setting(['start'], '2027-13'), ['start'], '2027-13'),
}

SHEET_CASES = {
    'unknown-key': (setting(['region'], 'us-east-1'), [], "'region'"),
    'wrong-confidence': (setting(['sources', 0, 'confidence'], 'certain'), ['sources', 0, 'confidence'], 'certain'),
    'missing-provider': (deleting(['provider']), [], "'provider'"),
    'discounts-in-a-sheet': (setting(['discounts'], [{'service': 'all', 'off': '10 %'}]), [], 'discounts'),
    'overlay-kind': (setting(['kind'], 'overlay'), ['kind'], 'overlay'),
    'regions-without-billing-gb': (deleting(['billing_gb']), [], 'billing_gb'),
    'price-per-hour-for-storage': (setting(['regions', '*', 'storage', 'standard'], '0.02 USD/h'),
                                   ['regions', '*', 'storage', 'standard'], 'USD/h'),
}

OVERLAY_CASES = {
    'sheet-kind': (setting(['kind'], 'sheet'), ['kind'], 'sheet'),
    'missing-kind': (deleting(['kind']), [], "'kind'"),
    'discount-of-no-service': (setting(['discounts', 0, 'service'], 'gpus'), ['discounts', 0, 'service'], 'gpus'),
    'discount-in-dollars': (setting(['discounts', 0, 'off'], '20 USD'), ['discounts', 0, 'off'], '20 USD'),
}

CASES = {'scenario': SCENARIO_CASES, 'prices': SHEET_CASES, 'overlay': OVERLAY_CASES}


def validate(schema_path, files):
    with open(schema_path, encoding='utf-8') as file:
        schema = json.load(file)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failed = 0
    for path in files:
        errors = errors_of(validator, load(path))
        for error in errors:
            print(f'{path}: {where(error)}: {error.message}')
        failed += bool(errors)
        if not errors:
            print(f'{path}: valid')
    return failed


def refused(schema_path, files):
    with open(schema_path, encoding='utf-8') as file:
        validator = jsonschema.Draft7Validator(json.load(file))
    failed = 0
    for path in files:
        errors = errors_of(validator, load(path))
        if errors:
            print(f'{path}: refused at {where(errors[0])}: {errors[0].message[:120]}')
        else:
            failed += 1
            print(f'{path}: FAILED, the schema accepts it')
    return failed


def rejects(schema_path, base, cases):
    with open(schema_path, encoding='utf-8') as file:
        schema = json.load(file)
    validator = jsonschema.Draft7Validator(schema)
    failed = validate(schema_path, [base])
    kind = schema['$comment'].split('`tco schema ')[1].split('`')[0]
    cases = cases or list(CASES[kind])
    for name in cases:
        change, path, word = CASES[kind][name]
        document = load(base)
        path = resolved(document, path)
        change(document)
        errors = errors_of(validator, document)
        if any(fits(error, path, word) for error in errors):
            print(f'{name}: refused at {".".join(map(str, path)) or "(top level)"}')
        else:
            failed += 1
            print(f'{name}: FAILED, the schema accepts it' if not errors else
                  f'{name}: FAILED, refused only elsewhere: {[(where(e), e.message[:80]) for e in errors]}')
    return failed


def main(argv):
    if len(argv) >= 2 and argv[0] == '--list':
        print(' '.join(CASES[argv[1]]))
        return 0
    if len(argv) >= 3 and argv[0] == '--invalid':
        return 1 if refused(argv[1], argv[2:]) else 0
    if len(argv) >= 3 and argv[0] == '--rejects':
        return 1 if rejects(argv[1], argv[2], argv[3:]) else 0
    if len(argv) >= 2 and not argv[0].startswith('-'):
        return 1 if validate(argv[0], argv[1:]) else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
