#!/usr/bin/env python3
"""Function size: no function of the library is longer than a reader can hold at once.

Counts the lines of every function defined in the given C++ files (the body, from the line
after its opening brace to the line before its closing one, blank lines and comments
included) and fails on any above the limit. Functions are found as clang-format lays them
out here: a definition starts a line at some indentation and ends with "{", its closing "}"
is alone on a line at the same indentation. Lambdas, classes and namespaces are not counted
as functions (a lambda counts towards the function it is in).

usage: function_size.py --max-lines N FILE...    (exit 1 when a function is longer)
"""
import argparse
import re
import sys

# A definition's first line: a return type or qualified name, then a parameter list (which
# may continue on the next lines), not a control statement, class, namespace or lambda.
START = re.compile(r"^(?P<indent> *)(?!(?:if|for|while|switch|catch|do|else|return|namespace|class|struct|enum|union|case)\b)"
                   r"[A-Za-z_~][\w:<>,*&\s~\[\]]*\b(?P<name>[\w:~]+|operator\S+)\s*\(")
NOT_A_FUNCTION = re.compile(r"=\s*\[|\[[&=]?[\w\s,&=]*\]\s*\(|^\s*(?:if|for|while|switch)\b")


def functions(lines):
    """Yields (name, first line number, body lines) for each function definition."""
    i = 0
    while i < len(lines):
        match = START.match(lines[i])
        if not match or NOT_A_FUNCTION.search(lines[i]):
            i += 1
            continue
        indent = match.group("indent")
        # The signature may run over several lines; it ends at the line ending with "{" (a
        # definition) or ";" (a declaration).
        j = i
        while j < len(lines) and not lines[j].rstrip().endswith(("{", ";", "}")) and j - i < 8:
            j += 1
        if j >= len(lines) or not lines[j].rstrip().endswith("{") or lines[j].rstrip().endswith("= {"):
            i += 1
            continue
        closing = indent + "}"
        k = j + 1
        while k < len(lines) and lines[k].rstrip() != closing:
            k += 1
        if k >= len(lines):
            i += 1
            continue
        yield match.group("name"), i + 1, k - j - 1
        i = k + 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-lines", type=int, required=True)
    parser.add_argument("--report", type=int, default=0, help="also list the N longest functions")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    found = []
    for path in args.files:
        with open(path, encoding="utf-8") as source:
            lines = source.read().split("\n")
        found += [(length, path, line, name) for name, line, length in functions(lines)]
    found.sort(reverse=True)
    for length, path, line, name in found[: args.report]:
        print(f"{length:4} {path}:{line}: {name}")
    long = [f for f in found if f[0] > args.max_lines]
    for length, path, line, name in long:
        print(f"{path}:{line}: {name} is {length} lines long, more than {args.max_lines}: split it into functions "
              "that each do one thing")
    if long:
        print(f"function-size: {len(long)} function(s) over {args.max_lines} lines")
        return 1
    print(f"function-size: {len(found)} functions, none over {args.max_lines} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
