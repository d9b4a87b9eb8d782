"""Imports run one way: no circles, and no arrow from a lower layer up into a higher one.

Every `import` of every module under civicapp/ counts, including the ones inside functions:
an import deferred to call time still ties the two modules together, it only hides the tie.
What a registry loads by name (feature_modules in civicapp/__init__.py) is no import arrow:
the features are found there, never named.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "civicapp"

# The layers from the ground up. A module may import its own layer and the layers below it,
# never one above; inside a layer above the core, packages may not import each other in a
# circle. A name stands for the module and everything under it; the longest name wins.
LAYERS = (
    # Machinery that knows no feature. The audit log is here because every layer writes to it.
    (
        "core",
        (
            "civicapp.audit",
            "civicapp.authz",
            "civicapp.cache",
            "civicapp.config",
            "civicapp.core",
            "civicapp.db",
            "civicapp.exceptions",
            "civicapp.extensions",
            "civicapp.i18n",
            "civicapp.i18n_catalogs",
            "civicapp.jobs",
            "civicapp.mail",
            "civicapp.routing",
            "civicapp.sectors",
            "civicapp.security",
            "civicapp.signals",
            "civicapp.text",
        ),
    ),
    # The user: every layer above asks who is signed in and what role they have.
    ("accounts", ("civicapp.accounts",)),
    # Places and their staff (users): staff rights and every page of the site name one.
    ("municipalities", ("civicapp.municipalities",)),
    # What several features use: each feature declares what the machinery needs to know.
    (
        "shared machinery",
        (
            "civicapp.comments",
            "civicapp.moderation",
            "civicapp.notifications",
            "civicapp.search",
            "civicapp.subjects",
            "civicapp.uploads",
        ),
    ),
    # The features. The pages of accounts stand here too: sign-up and the profile offer a
    # home municipality, and the demo crowd lives in municipalities.
    (
        "features",
        (
            "civicapp.accounts.demo",
            "civicapp.accounts.views",
            "civicapp.admin",
            "civicapp.consultations",
            "civicapp.donors",
            "civicapp.initiatives",
            "civicapp.organisations",
            "civicapp.portfolio",
            "civicapp.priorities",
            "civicapp.responses",
        ),
    ),
    # What reads every feature: the factory, the model list, the CLI, the demo and the API.
    (
        "application",
        ("civicapp", "civicapp.api", "civicapp.cli", "civicapp.demo", "civicapp.models"),
    ),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_names(name: str, path: Path, known) -> set[str]:
    """The civicapp modules that the module imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {_owner(alias.name, known) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(package, node.module, node.level)
            found |= {_owner(f"{base}.{alias.name}", known) for alias in node.names}
    return found - {None, name}


def _absolute(package: str, module: str | None, level: int) -> str:
    if not level:
        return module or ""
    base = package.split(".")[: len(package.split(".")) - level + 1]
    return ".".join(base + ([module] if module else []))


def import_graph() -> dict[str, set[str]]:
    """Each civicapp module and the civicapp modules it imports (not itself).

    A package's __init__ that imports its own parts (the blueprint's views, imported at its
    bottom as STYLE.md shows) only loads them: the parts depend on the package, not it on
    them, so those arrows are left out. Every other arrow of an __init__ counts.
    """
    known = modules()
    graph = {}
    for name, path in known.items():
        targets = imported_names(name, path, known)
        if path.name == "__init__.py":
            targets = {t for t in targets if not t.startswith(name + ".")}
        graph[name] = targets
    return graph


def _owner(target: str, known) -> str | None:
    """The module an imported name lives in: `from a.b import c` imports a.b.c or a.b."""
    while target and target not in known:
        target = target.rpartition(".")[0]
    return target or None


def layer_of(name: str) -> int:
    best, rank = -1, None
    for index, (_label, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank is not None, f"{name} is in no layer: add its package to LAYERS"
    return rank


def upward_arrows(graph) -> set[tuple[str, str]]:
    return {
        (source, target)
        for source, targets in graph.items()
        for target in targets
        if layer_of(target) > layer_of(source)
    }


def circles(graph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def circle_arrows(graph) -> set[tuple[str, str]]:
    """The arrows that tie each circle together."""
    arrows = set()
    for group in circles(graph):
        members = set(group)
        arrows |= {(s, t) for s in group for t in graph[s] if t in members}
    return arrows


def package_of(name: str) -> str:
    """The top package a module belongs to: civicapp.priorities.views -> civicapp.priorities."""
    return ".".join(name.split(".")[:2])


def package_graph(graph) -> dict[str, set[str]]:
    """Arrows between the packages of one layer above the core (across layers: see LAYERS).

    The core is a handful of small modules and one package, read module by module.
    """
    packages = {}
    for source, targets in graph.items():
        if layer_of(source) == 0:
            continue
        ties = packages.setdefault(package_of(source), set())
        ties |= {
            package_of(t)
            for t in targets
            if package_of(t) != package_of(source) and layer_of(t) == layer_of(source)
        }
    return packages


def _report(arrows) -> str:
    return "\n".join(f"  {source} -> {target}" for source, target in sorted(arrows))


def _ties(graph, packages) -> set[tuple[str, str]]:
    """The module arrows behind a set of package arrows, so a failure names the files."""
    return {
        (s, t)
        for s, targets in graph.items()
        for t in targets
        if (package_of(s), package_of(t)) in packages
    }


def test_no_import_circles():
    graph = import_graph()
    arrows = circle_arrows(graph)
    assert not arrows, f"modules that import each other in a circle:\n{_report(arrows)}"


def test_no_circles_between_packages():
    graph = import_graph()
    arrows = _ties(graph, circle_arrows(package_graph(graph)))
    assert not arrows, f"packages that import each other in a circle:\n{_report(arrows)}"


def test_no_upward_arrows():
    arrows = upward_arrows(import_graph())
    names = [label for label, _ in LAYERS]
    assert not arrows, f"imports up the layers {' < '.join(names)}:\n{_report(arrows)}"


def test_the_checks_see_deferred_imports_circles_and_upward_arrows(tmp_path):
    module = tmp_path / "views.py"
    module.write_text("def show():\n    from civicapp.priorities import models\n")
    known = {"civicapp.priorities", "civicapp.priorities.models"}
    assert imported_names("civicapp.db", module, known) == {"civicapp.priorities.models"}
    graph = {"civicapp.db": {"civicapp.priorities.models"}, "civicapp.priorities.models": set()}
    assert upward_arrows(graph) == {("civicapp.db", "civicapp.priorities.models")}
    loop = {"civicapp.donors.a": {"civicapp.initiatives.b"}, "civicapp.initiatives.b": set()}
    loop["civicapp.initiatives.c"] = {"civicapp.donors.d"}
    assert circle_arrows(package_graph(loop)) == {
        ("civicapp.donors", "civicapp.initiatives"),
        ("civicapp.initiatives", "civicapp.donors"),
    }
