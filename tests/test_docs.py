"""The design contract ships with the repository and keeps up with the code it describes."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from parley.cli import build_parser
from parley.document import Actor, Document, Event, Quote, TimeExpr
from parley.store import SCHEMA

ROOT = Path(__file__).resolve().parents[1]
DESIGN = ROOT / "docs" / "design.md"


def test_every_record_field_is_in_the_contract():
    text = DESIGN.read_text(encoding="utf-8")
    for kind in (Document, Actor, Quote, TimeExpr, Event):
        missing = [f.name for f in fields(kind) if f'"{f.name}"' not in text]
        assert not missing, (kind.__name__, missing)


def test_every_store_table_is_in_the_contract():
    text = DESIGN.read_text(encoding="utf-8")
    tables = re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA)
    assert len(tables) > 10
    assert not [t for t in tables if f"`{t}`" not in text]


def test_every_published_basis_the_clean_stage_writes_is_documented():
    text = DESIGN.read_text(encoding="utf-8")
    src = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "parley" / "clean").glob("*.py"))
    # done(date, basis, detail, rule...) in clean/published.py names every coarse basis and fine rule
    pairs = re.findall(r'done\([^,]+, "([\w-]+)", "([\w+-]+)"', src)
    assert len(pairs) >= 8
    for basis, detail in pairs:
        assert f"`{basis}`" in text and f"`{detail}`" in text, (basis, detail)


def test_help_and_readme_point_to_the_contract_in_the_repo(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    assert "docs/design.md" in capsys.readouterr().out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/design.md" in readme and "../shared" not in readme.split("## Layout")[1].split("##")[0]
    api = (ROOT / "src" / "parley" / "web" / "templates" / "api.html").read_text(encoding="utf-8")
    assert "docs/design.md" in api
