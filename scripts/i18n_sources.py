"""Update the translation sources ``resources/i18n/*.ts``: pyside6-lupdate plus what it cannot see.

``pyside6-lupdate`` (Qt 6) reads ``tr()``, ``QCoreApplication.translate("Context", "text")`` and
``QT_TRANSLATE_NOOP("Context", "text")`` in Python, but not the console's module helpers
(``def _tr(text): return QCoreApplication.translate("MainWindow", text)``), aliases
(``_N = QT_TRANSLATE_NOOP``) nor a context held in a module constant (``translate(_CONTEXT, ...)``).
This script runs lupdate, then finds those calls with :mod:`ast` and adds the missing messages (or
revives them if lupdate marked them vanished), keeping every translation already written.

Usage: ``python scripts/i18n_sources.py resources/i18n/epay_desktop_ru.ts [more.ts ...]``
(``--no-lupdate`` only adds the extra messages).
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "epay_desktop"
SKIP = ("epay_desktop/sandbox/",)  # the sandbox's hosted page has its own ru/kk/en texts
NOOP_NAMES = {"QT_TRANSLATE_NOOP"}


@dataclass(frozen=True)
class Source:
    context: str
    text: str
    numerus: bool
    path: str
    line: int


def python_sources() -> list[Path]:
    out = subprocess.run(  # noqa: S603 - fixed arguments, our own checkout
        ["git", "ls-files", f"{PACKAGE}/*.py"],  # noqa: S607 - git from PATH, like a developer runs it
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [ROOT / p for p in out.split() if not p.startswith(SKIP)]


def _const(node: ast.expr | None, consts: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return consts.get(node.id)
    return None


def _callee(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def scan(path: Path) -> list[Source]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    consts: dict[str, str] = {}
    noops = set(NOOP_NAMES)
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if not isinstance(target, ast.Name) or stmt.value is None:
                    continue
                if isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                    consts[target.id] = stmt.value.value
                elif isinstance(stmt.value, ast.Name) and stmt.value.id in noops:
                    noops.add(target.id)
    # module helpers: def _tr(text[, n]): return QCoreApplication.translate(CONTEXT, text[, None, n])
    helpers: dict[str, str] = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.FunctionDef) or not stmt.args.args:
            continue
        first = stmt.args.args[0].arg
        for node in ast.walk(stmt):
            if (
                isinstance(node, ast.Call)
                and _callee(node) == "translate"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Name)
                and node.args[1].id == first
            ):
                ctx = _const(node.args[0], consts)
                if ctx is not None:
                    helpers[stmt.name] = ctx
    rel = path.relative_to(ROOT).as_posix()
    found: list[Source] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        if name in helpers and node.args:
            text = _const(node.args[0], {})
            if text is not None:
                numerus = len(node.args) > 1 or any(k.arg == "n" for k in node.keywords)
                found.append(Source(helpers[name], text, numerus, rel, node.lineno))
        elif (name == "translate" or name in noops) and len(node.args) >= 2:
            ctx, text = _const(node.args[0], consts), _const(node.args[1], {})
            if ctx is not None and text is not None:
                numerus = name == "translate" and len(node.args) >= 4
                found.append(Source(ctx, text, numerus, rel, node.lineno))
    return found


def merge(ts_path: Path, sources: list[Source]) -> int:
    """Add ``sources`` missing from ``ts_path``; return how many messages were added or revived.

    A message lupdate did not see (new, or marked vanished/obsolete by it) gets the current
    locations from the scan; a translation already written is kept."""
    tree = ET.parse(ts_path)  # noqa: S314 - the project's own translation file
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    ours: set[tuple[str, str]] = set()  # messages whose locations this run writes
    changed = 0
    for src in sources:
        key = (src.context, src.text)
        ctx = contexts.get(src.context)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = src.context
            contexts[src.context] = ctx
        message = next((m for m in ctx.iter("message") if m.findtext("source") == src.text), None)
        if message is None:
            message = ET.SubElement(ctx, "message")
            if src.numerus:
                message.set("numerus", "yes")
            ET.SubElement(message, "source").text = src.text
            translation = ET.SubElement(message, "translation", type="unfinished")
            if src.numerus:
                ET.SubElement(translation, "numerusform")
            ours.add(key)
            changed += 1
        else:
            found = message.find("translation")
            if found is not None and found.get("type") in ("vanished", "obsolete"):
                written = (found.text or "").strip() or any(
                    (f.text or "").strip() for f in found.iter("numerusform")
                )
                if written:
                    del found.attrib["type"]
                else:
                    found.set("type", "unfinished")
                for old in message.findall("location"):
                    message.remove(old)
                ours.add(key)
                changed += 1
        if key in ours:
            at = len(message.findall("location"))
            message.insert(at, ET.Element("location", filename=f"../../{src.path}", line=str(src.line)))
    write_ts(tree, ts_path)
    return changed


def _esc(text: str | None) -> str:
    text = text or ""
    for a, b in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("'", "&apos;"), ('"', "&quot;")):
        text = text.replace(a, b)
    return text


def _attrs(elem: ET.Element) -> str:
    return "".join(f' {k}="{_esc(v)}"' for k, v in elem.attrib.items())


def write_ts(tree: ET.ElementTree[ET.Element], ts_path: Path) -> None:
    """Write ``tree`` the way lupdate does, so lupdate and this script keep the file stable."""
    root = tree.getroot()
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{_attrs(root)}>"]
    for ctx in root.iter("context"):
        lines += ["<context>", f"    <name>{_esc(ctx.findtext('name'))}</name>"]
        for message in ctx.iter("message"):
            lines.append(f"    <message{_attrs(message)}>")
            for child in message:
                if child.tag == "location":
                    lines.append(f"        <location{_attrs(child)}/>")
                elif child.tag == "translation" and len(child):
                    lines.append(f"        <translation{_attrs(child)}>")
                    lines += [f"            <numerusform>{_esc(f.text)}</numerusform>" for f in child]
                    lines.append("        </translation>")
                else:
                    lines.append(f"        <{child.tag}{_attrs(child)}>{_esc(child.text)}</{child.tag}>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    ts_path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", nargs="+", type=Path)
    parser.add_argument("--no-lupdate", action="store_true")
    args = parser.parse_args(argv)
    files = python_sources()
    if not args.no_lupdate:
        lupdate = Path(sys.executable).with_name("pyside6-lupdate")
        rel = [str(p.relative_to(ROOT)) for p in files]
        for ts in args.ts:
            subprocess.run([str(lupdate), *rel, "-ts", str(ts)], cwd=ROOT, check=True)  # noqa: S603
    sources = [s for p in files for s in scan(p)]
    for ts in args.ts:
        added = merge(ts, sources)
        print(f"{ts}: {added} message(s) lupdate does not see added or revived")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
