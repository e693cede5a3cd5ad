"""The house's layout (docs/layout.md): no import cycle between modules, no private name
imported from another module nor read off another module's object, and every module of
src/chronicle kept in modules and functions of a readable size. Read from the source with
`ast`; nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "chronicle"

# What is left to do, each with where it is tracked (remove an entry when it is fixed).
KNOWN_CYCLES: set[frozenset[str]] = set()
KNOWN_PRIVATE: set[tuple[str, str, str]] = set()
# Modules kept under MAX_LINES lines, and functions under MAX_FUNCTION_LINES unless a
# comment beside the `def` (on it or on the line above) says why: "# long: <reason>".
SIZED = ("**/*.py",)  # every module of src/chronicle
MAX_LINES = 500
MAX_FUNCTION_LINES = 60


def modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, str]]:
    """(module imported, name imported from it or "") for every import in a module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                if f"{target}.{alias.name}" in known:
                    found.append((f"{target}.{alias.name}", ""))
                elif target in known:
                    found.append((target, alias.name))
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names if alias.name in known]
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {target for target, _ in imports(name, path, known)} - {name} for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in edges[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in edges:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    assert set(cycles(graph())) <= KNOWN_CYCLES


def test_a_cycle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]


def test_no_private_name_is_imported_from_another_module():
    known = modules()
    private = {
        (name, target, imported)
        for name, path in known.items()
        for target, imported in imports(name, path, known)
        if imported.startswith("_") and not imported.startswith("__")
    }
    assert private <= KNOWN_PRIVATE


def defined_names(source: str) -> set[str]:
    """The names a module defines: functions, classes, methods, assignments, attributes it sets."""
    defined = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            defined.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
    return defined


def private_attributes(source: str, ours: set[str]) -> list[tuple[int, str]]:
    """(line, attribute) of each private attribute a module reads (`x._name`) that another of
    our modules defines (`ours`) and this one does not (a private name of another library,
    `os._exit`, is that library's business)."""
    own = defined_names(source)
    return [
        (node.lineno, node.attr)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
        and node.attr in ours and node.attr not in own
    ]


def test_no_private_attribute_of_another_module_is_read():
    sources = {name: path.read_text(encoding="utf-8") for name, path in modules().items()}
    ours = set().union(*(defined_names(source) for source in sources.values()))
    found = {name: attrs for name, source in sources.items() if (attrs := private_attributes(source, ours))}
    assert not found


def test_a_private_attribute_read_from_elsewhere_is_found():
    assert private_attributes("def f(store):\n    return store._insert(1)\n", {"_insert"}) == [(2, "_insert")]
    assert private_attributes("class A:\n    def _insert(self):\n        return self._insert\n", {"_insert"}) == []
    assert private_attributes("import os\nos._exit(0)\n", {"_insert"}) == []


def sized_modules() -> list[Path]:
    return sorted({path for pattern in SIZED for path in SRC.glob(pattern)})


def test_the_split_packages_keep_modules_readable():
    long = {
        str(path.relative_to(SRC)): lines
        for path in sized_modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int]]:
    """(name, lines) of each function longer than `limit` with no "# long:" reason beside it."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            beside = lines[node.lineno - 2 : node.lineno]
            if length > limit and not any("# long:" in line for line in beside):
                found.append((node.name, length))
    return found


def test_the_split_packages_keep_functions_readable():
    long = {
        str(path.relative_to(SRC)): found
        for path in sized_modules()
        if (found := long_functions(path.read_text(encoding="utf-8")))
    }
    assert not long


def test_a_long_function_needs_a_reason_beside_it():
    body = "".join(f"    x{i} = {i}\n" for i in range(3))
    assert long_functions(f"def f():\n{body}", limit=3) == [("f", 4)]
    assert long_functions(f"# long: one table, row by row\ndef f():\n{body}", limit=3) == []
    assert long_functions(f"def f():\n{body}", limit=4) == []


def spacy_imports_before_the_stand_in(source: str) -> list[int]:
    """Lines of module-level imports of spaCy that come before `chronicle.spacy_import` (which
    imports spaCy without its own command line; issue 16), or with no such import at all."""
    seen_stand_in = False
    early = []
    for node in ast.parse(source).body:  # module level only: TYPE_CHECKING blocks and functions are not run first
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("spacy_import"):
            seen_stand_in = True
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "spacy" and not node.level:
            early += [] if seen_stand_in else [node.lineno]
        elif isinstance(node, ast.Import) and any(a.name.split(".")[0] == "spacy" for a in node.names):
            early += [] if seen_stand_in else [node.lineno]
    return early


def test_spacy_is_imported_through_chronicle_spacy_import_first():
    early = {
        name: lines
        for name, path in modules().items()
        if name != "chronicle.spacy_import" and (lines := spacy_imports_before_the_stand_in(path.read_text(encoding="utf-8")))
    }
    assert not early


def test_an_early_spacy_import_is_found():
    assert spacy_imports_before_the_stand_in("from spacy.tokens import Doc\nfrom .spacy_import import spacy\n") == [1]
    assert spacy_imports_before_the_stand_in("from .spacy_import import spacy\nfrom spacy.tokens import Doc\n") == []
    assert spacy_imports_before_the_stand_in("if TYPE_CHECKING:\n    from spacy.tokens import Doc\n") == []


# Module-level state: a module may bind a dict, list or set at its top level (a table of
# constants), but nothing may change it afterwards, in that module or another, and no function
# may rebind a module's name (`global`): such state makes a stage impossible to run twice in one
# process, in parallel, or under test (STYLE.md, the counter-example).
MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "Counter", "OrderedDict", "deque", "bytearray"}
MUTATING_METHODS = {"append", "extend", "insert", "add", "update", "setdefault", "pop", "popitem", "remove",
                    "discard", "clear", "sort", "reverse", "appendleft", "extendleft", "__setitem__"}


def mutable_bindings(source: str) -> set[str]:
    """The names a module binds at its top level to a mutable value: a dict, list or set
    display or comprehension, or a call making one (`dict(...)`, `defaultdict(list)`)."""
    found = set()
    for node in ast.parse(source).body:
        targets, value = ((node.targets, node.value) if isinstance(node, ast.Assign) else
                          ([node.target], node.value) if isinstance(node, ast.AnnAssign) else ([], None))
        if value is None:
            continue
        called = value.func.id if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) else \
            value.func.attr if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) else None
        if isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or called in MUTABLE_CALLS:
            found |= {t.id for t in targets if isinstance(t, ast.Name)}
    return found


def _named(node, names: set[str], elsewhere: set[str]) -> str | None:
    """The module-level name an expression is: `NAME` of the module's own or imported
    `names`, or `module.NAME` of another module's (`elsewhere`)."""
    if isinstance(node, ast.Name) and node.id in names:
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.attr in elsewhere:
        return node.attr
    return None


def state_changes(source: str, names: set[str], elsewhere: set[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, name) of each change a module makes to module-level state (an item or slice set
    or deleted, an augmented assignment, a mutating method called) and of each `global`:
    `names` are its own or imported names bound to mutable values, `elsewhere` those of other
    modules (read as `module.NAME`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Global):
            found += [(node.lineno, name) for name in node.names]
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                base = target.value if isinstance(target, ast.Subscript) else target if isinstance(node, ast.AugAssign) else None
                if base is not None and (name := _named(base, names, elsewhere)):
                    found.append((node.lineno, name))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING_METHODS:
            if name := _named(node.func.value, names, elsewhere):
                found.append((node.lineno, name))
    return found


def test_no_module_level_state_is_changed():
    known = modules()
    sources = {name: path.read_text(encoding="utf-8") for name, path in known.items()}
    bound = {name: mutable_bindings(source) for name, source in sources.items()}
    elsewhere = set().union(*bound.values())
    found = {}
    for name, path in known.items():
        visible = bound[name] | {imported for target, imported in imports(name, path, known) if imported in bound.get(target, ())}
        if changes := state_changes(sources[name], visible, elsewhere):
            found[name] = changes
    assert not found


def test_a_change_to_module_level_state_is_found():
    source = "SEEN = {}\nORDER = []\nCOUNT = 0\ndef note(k):\n    global COUNT\n    SEEN[k] = 1\n    ORDER.append(k)\n"
    assert mutable_bindings(source) == {"SEEN", "ORDER"}
    assert state_changes(source, {"SEEN", "ORDER"}) == [(5, "COUNT"), (6, "SEEN"), (7, "ORDER")]
    assert state_changes("import registry\nregistry.TABLE['x'] = 1\n", set(), {"TABLE"}) == [(2, "TABLE")]
    frozen = "WORDS = {'a': 1}\ndef f(k):\n    seen = {}\n    seen[k] = WORDS.get(k)\n    return seen\n"
    assert state_changes(frozen, mutable_bindings(frozen)) == []  # read, and a local of its own: no state


# English words are data: a step compares a token's word (`lower_`, `lemma_`, `text`, ...) with
# a list its records hold (data/function_words.yaml and the other data files), never with a
# word written in code; a comparison of grammar tags (`dep_ == "nsubj"`) stays in code.
TOKEN_WORD_ATTRS = {"lower_", "lemma_", "norm_", "orth_", "text"}


def _token_word(node) -> bool:
    """Whether an expression is a token's word (`t.lower_`, `t.lemma_.lower()`, `t.text`)."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("lower", "casefold", "strip"):
        node = node.func.value
    return isinstance(node, ast.Attribute) and node.attr in TOKEN_WORD_ATTRS


def _english_words(node) -> bool:
    """Whether an expression is a string literal, or a tuple, list or set of them, holding a word."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return bool(items) and all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items) \
        and any(i.value[:1].isalpha() for i in items)


def word_literals(source: str) -> list[tuple[int, str]]:
    """(line, comparison) of each comparison of a token's word with English words in code."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            sides = (node.left, node.comparators[0])
            if any(_token_word(a) and _english_words(b) for a, b in (sides, sides[::-1])):
                found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_token_word_is_compared_with_a_word_written_in_code():
    found = {name: lines for name, path in modules().items() if (lines := word_literals(path.read_text(encoding="utf-8")))}
    assert not found


def test_a_word_written_in_code_is_found():
    assert word_literals("ok = token.lower_ == 'of'\n") == [(1, "token.lower_ == 'of'")]
    assert word_literals("ok = t.lemma_.lower() in ('meet', 'talk')\n") == [(1, "t.lemma_.lower() in ('meet', 'talk')")]
    assert word_literals("ok = t.dep_ == 'nsubj' or t.lower_ in words.preps or t.text == ','\n") == []
