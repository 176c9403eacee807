"""Parses every golden snippet (tests/snippets/) with a real grammar and fails on any
syntax error: tree-sitter grammars from PyPI for C#, Go, Java, PHP and PowerShell, and
Python's own parser for Python. Go and Java snippets are statement lists (as the Graph
docs print them), so they are parsed inside a `main`/method body; C# snippets are
top-level programs as they stand. Prints "N passed, N failed".
"""

import ast
import os
import sys

import tree_sitter
import tree_sitter_c_sharp
import tree_sitter_go
import tree_sitter_java
import tree_sitter_php
import tree_sitter_powershell

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FOLDER = os.path.join(ROOT, "tests", "snippets")


def language(module, name="language"):
    return tree_sitter.Language(getattr(module, name)())


PARSERS = {
    ".cs": language(tree_sitter_c_sharp),
    ".go": language(tree_sitter_go),
    ".java": language(tree_sitter_java),
    ".php": language(tree_sitter_php, "language_php"),
    ".ps1": language(tree_sitter_powershell),
}


def wrap_go(code):
    head, _, rest = code.partition(")\n")  # the import block
    return "package main\n" + head + ")\n\nfunc main() {\n" + rest + "\n_ = msgraphsdk.NewGraphServiceClient\n_, _ = invite, err\n}\n"


def wrap_java(code):
    return "class Snippet {\n  void run() throws Exception {\n" + code + "\n  }\n}\n"


def errors(tree, source):
    found = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            line = node.start_point[0] + 1
            text = source.splitlines()[line - 1] if line - 1 < len(source.splitlines()) else ""
            found.append(f"line {line}: {'missing ' + node.type if node.is_missing else 'error'}: {text.strip()[:80]}")
        stack.extend(node.children)
    return found


def main():
    passed = failed = 0
    for name in sorted(os.listdir(FOLDER)):
        path = os.path.join(FOLDER, name)
        ext = os.path.splitext(name)[1]
        with open(path, encoding="utf-8") as file:
            code = file.read()
        if ext == ".py":
            try:
                ast.parse(code, filename=name, feature_version=(3, 9), type_comments=False)
                compile(code, name, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
                problems = []
            except SyntaxError as error:
                problems = [f"line {error.lineno}: {error.msg}"]
        elif ext in PARSERS:
            source = {".go": wrap_go, ".java": wrap_java}.get(ext, lambda c: c)(code)
            tree = tree_sitter.Parser(PARSERS[ext]).parse(source.encode("utf-8"))
            problems = errors(tree, source)
        else:
            continue  # JavaScript and TypeScript run against the real client (js_sdk.test.mjs)
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "; ".join(problems[:5]))
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
