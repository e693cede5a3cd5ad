"""The packaged YAML data files read the same with libyaml's parser (which `load_yaml` uses
when PyYAML has it, for speed: issue 16) as with PyYAML's pure-Python one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chronicle.data import SAFE_LOADER, code_set, load_yaml, word_set

SRC = Path(__file__).resolve().parents[1] / "src" / "chronicle"
YAML_FILES = sorted(p for p in SRC.rglob("*.y*ml") if "__pycache__" not in p.parts)


def test_there_are_data_files_to_check():
    assert any(p.name == "triggers.yaml" for p in YAML_FILES)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_libyaml_reads_each_packaged_file_as_the_pure_python_parser_does(path):
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=SAFE_LOADER) == yaml.load(text, Loader=yaml.SafeLoader)


def test_load_yaml_reads_a_file_and_an_empty_one(tmp_path):
    written = tmp_path / "invented.yaml"
    written.write_text("words: [summit, 'talks']\nyes_is_a_bool: yes\nempty:\n", encoding="utf-8")
    assert load_yaml("unused.yaml", written) == {"words": ["summit", "talks"], "yes_is_a_bool": True, "empty": None}
    (tmp_path / "blank.yaml").write_text("", encoding="utf-8")
    assert load_yaml("unused.yaml", tmp_path / "blank.yaml") == {}


def test_a_word_list_is_read_as_a_set_of_lower_cased_words_and_codes_upper_cased():
    data = yaml.load("verbs: [Convene, gather, convene]\ntypes: [consult, Protest]\nempty:\n", Loader=SAFE_LOADER)
    assert word_set(data.get("verbs")) == frozenset({"convene", "gather"})
    assert code_set(data.get("types")) == frozenset({"CONSULT", "PROTEST"})
    assert word_set(data.get("empty")) == frozenset() == code_set(data.get("missing"))
    assert word_set([1999]) == frozenset({"1999"})
