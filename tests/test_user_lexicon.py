"""A user's lexicon directory (`Settings.lexicon`, CHRONICLE_LEXICON) reaches every word list
the steps of extract/ read: each of its files replaces the packaged one of its name, through
the `EventLexicon` loaded with the resources (no step reads a data file of its own).
Invented text; each case with the packaged default beside it."""

from __future__ import annotations

import pytest
import yaml

from chronicle.data import load_yaml
from chronicle.errors import UsageError
from chronicle.extract.grievances import not_about_harm
from chronicle.extract.lexicon import lexicon_files, lexicon_inputs, load_event_lexicon
from chronicle.pipeline import pipeline_version
from chronicle.settings import Settings

from conftest import _annotator


def _override(directory, name: str, key: str, drop: str) -> None:
    """Write `directory/name`: the packaged file with `drop` taken out of its list `key`."""
    data = load_yaml(name)
    data[key] = [w for w in data[key] if w != drop]
    (directory / name).write_text(yaml.safe_dump(data), encoding="utf-8")


@pytest.fixture(scope="module")
def user_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("lexicon")
    _override(directory, "sides.yaml", "member_nouns", "leader")
    _override(directory, "crowds.yaml", "crowd_verbs", "storm")
    _override(directory, "roles.yaml", "grievance_nouns", "arrest")
    _override(directory, "retold.yaml", "nouns", "request")
    (directory / "notes.yaml").write_text("ignored: [x]\n", encoding="utf-8")  # not a lexicon file
    return directory


def test_each_file_of_the_directory_replaces_its_packaged_list(user_dir):
    default, user = load_event_lexicon(), load_event_lexicon(directory=user_dir)
    assert "leader" in default.sides.member_nouns and "leader" not in user.sides.member_nouns
    assert "storm" in default.crowds.verbs and "storm" not in user.crowds.verbs
    assert "arrest" in default.roles.grievance_nouns and "arrest" not in user.roles.grievance_nouns
    assert "request" in default.retold.nouns and "request" not in user.retold.nouns
    assert user.triggers == default.triggers and user.sectors == default.sectors  # files it does not hold: packaged
    assert sorted(lexicon_files(user_dir)) == ["crowds.yaml", "retold.yaml", "roles.yaml", "sides.yaml"]


def test_the_user_files_key_the_version_and_a_missing_directory_is_an_error(user_dir, tmp_path):
    assert lexicon_inputs(None) == [] and lexicon_files("") == {}
    with pytest.raises(UsageError):
        lexicon_files(tmp_path / "absent")
    meta = {"name": "core_web_sm", "version": "0"}
    assert "+lexicon-" in pipeline_version(meta, "kb", lexicon=lexicon_inputs(user_dir))
    assert "+lexicon-" not in pipeline_version(meta, "kb")


def test_the_harm_nouns_come_from_the_lexicon(nlp, user_dir):
    doc = nlp("Students marched over the arrest of their teacher.")
    arrest = next(t for t in doc if t.lower_ == "arrest")
    pairs = [("over", arrest)]
    of = frozenset({"of"})
    assert not_about_harm(pairs, frozenset({"over"}), load_event_lexicon().roles.grievance_nouns, of) == []
    assert not_about_harm(pairs, frozenset({"over"}), load_event_lexicon(directory=user_dir).roles.grievance_nouns, of) == pairs


@pytest.fixture(scope="module")
def user_events(user_dir):
    annotate = _annotator(Settings(event_typing="lexicon", lexicon=str(user_dir)))

    def run(body: str, type_: str):
        return [e for e in annotate(body, "2031-03-04").event_mentions if e.type == type_]

    return run


def test_a_user_lexicon_changes_what_the_pipeline_finds(events, user_events):
    body = "Leaders of the African Union held an emergency summit in Niamey on the coup."
    (default,) = events(body, "CONSULT")
    assert [a.name for a in default.actors if a.role in ("source", "participant")] == ["African Union"]
    (user,) = user_events(body, "CONSULT")  # "leader" is no member noun in the user's sides.yaml
    assert "African Union" not in [a.name for a in user.actors]
    crowd = "Angry farmers stormed the town hall in Tamale on Monday."
    assert [e.mode for e in events(crowd, "PROTEST")] == ["RIOT"]
    assert user_events(crowd, "PROTEST") == []  # "storm" is no crowd verb in the user's crowds.yaml
