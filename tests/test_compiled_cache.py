"""The compiled cache of loaded data (chronicle.compiled): built once, read back, rebuilt
when what it was built from changes, and never in the way."""

from chronicle import compiled


def _counting_build(calls):
    def build():
        calls.append(1)
        return {"words": ("meet", "talk"), "n": len(calls)}

    return build

def test_second_use_reads_the_entry_instead_of_building(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path))
    calls = []
    first = compiled.cached("lexicon", _counting_build(calls), ["a"])
    second = compiled.cached("lexicon", _counting_build(calls), ["a"])
    assert first == second and len(calls) == 1
    assert len(list(tmp_path.glob("lexicon-*.pickle"))) == 1

def test_changed_inputs_or_sources_make_a_new_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path))
    calls = []
    compiled.cached("lexicon", _counting_build(calls), ["kb file v1"])
    compiled.cached("lexicon", _counting_build(calls), ["kb file v2"])
    assert len(calls) == 2
    monkeypatch.setattr(compiled, "source_fingerprint", lambda: "a data file changed")
    compiled.cached("lexicon", _counting_build(calls), ["kb file v2"])
    assert len(calls) == 3

def test_turned_off_or_damaged_cache_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path))
    calls = []
    compiled.cached("lexicon", _counting_build(calls))
    for entry in tmp_path.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert compiled.cached("lexicon", _counting_build(calls))["n"] == 2
    monkeypatch.setenv("CHRONICLE_CACHE", "0")
    assert compiled.cached("lexicon", _counting_build(calls))["n"] == 3

def test_unwritable_cache_directory_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(blocker / "cache"))
    calls = []
    assert compiled.cached("lexicon", _counting_build(calls))["n"] == 1

def test_cached_resources_equal_freshly_loaded_ones(tmp_path, monkeypatch):
    """What the pipeline reads from the cache is what the data files load into."""
    from chronicle.pipeline import cached_data_resources, load_data_resources
    from chronicle.settings import Settings

    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path))
    settings = Settings(db=str(tmp_path / "x.duckdb"))
    fresh = load_data_resources(settings)
    cached_data_resources(settings)  # builds the entry
    again = cached_data_resources(settings)  # reads it
    assert again.kb.version == fresh.kb.version
    assert again.events == fresh.events and again.times == fresh.times
    assert again.gazetteer.names == fresh.gazetteer.names


def test_writing_an_entry_keeps_only_the_newest_of_its_name(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path))
    calls = []
    for version in range(compiled.KEEP_PER_NAME + 3):
        compiled.cached("lexicon", _counting_build(calls), [f"kb file v{version}"])
    compiled.cached("gazetteer", _counting_build(calls))
    assert len(list(tmp_path.glob("lexicon-*.pickle"))) == compiled.KEEP_PER_NAME
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 1  # other names untouched
    newest = compiled.cached("lexicon", _counting_build(calls), [f"kb file v{compiled.KEEP_PER_NAME + 2}"])
    assert newest["n"] == compiled.KEEP_PER_NAME + 3  # the newest entry is still read back


def test_a_changed_or_added_data_file_changes_the_fingerprint(tmp_path):
    """The key covers every data and code file: editing one (or adding one) is a new entry."""
    (tmp_path / "data").mkdir()
    lexicon = tmp_path / "data" / "words.yaml"
    lexicon.write_text("meet: [talks]\n")
    (tmp_path / "loader.py").write_text("X = 1\n")
    before = compiled.tree_fingerprint(tmp_path)
    assert compiled.tree_fingerprint(tmp_path) == before  # stable
    lexicon.write_text("meet: [talks, summit]\n")
    edited = compiled.tree_fingerprint(tmp_path)
    assert edited != before
    (tmp_path / "data" / "more.csv").write_text("a,b\n")
    assert compiled.tree_fingerprint(tmp_path) != edited
    (tmp_path / "notes.md").write_text("not read by any loader\n")
    assert compiled.tree_fingerprint(tmp_path) == compiled.tree_fingerprint(tmp_path)


def test_an_entry_read_recently_outlives_newer_unread_ones(tmp_path, monkeypatch):
    """Pruning keeps the most recently used entries: checkouts sharing one cache directory
    do not evict the entry every run of theirs reads."""
    import os
    import time

    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path))
    calls = []
    compiled.cached("lexicon", _counting_build(calls), ["used often"])
    used = next(tmp_path.glob("lexicon-*.pickle"))
    os.utime(used, (time.time() - 3600, time.time() - 3600))  # written an hour ago
    for version in range(compiled.KEEP_PER_NAME - 1):
        compiled.cached("lexicon", _counting_build(calls), [f"other checkout {version}"])
    assert compiled.cached("lexicon", _counting_build(calls), ["used often"])["n"] == 1  # read, so marked used
    compiled.cached("lexicon", _counting_build(calls), ["one more checkout"])  # prunes the least recently used
    assert used.exists()
    assert len(list(tmp_path.glob("lexicon-*.pickle"))) == compiled.KEEP_PER_NAME


def test_patterns_come_back_compiled_and_equal(monkeypatch):
    """An entry keeps each regular expression's compiled program: reading it back gives an
    equal pattern (same source, flags, groups and program) without compiling the source."""
    import pickle
    import re

    patterns = {
        "names": re.compile(r"(?<![\w\-])(?:the\s+)?(?P<name>white\s+house|kremlin)(?![\w\-])", re.IGNORECASE),
        "bytes": re.compile(rb"\x1f\x8b(?P<rest>.*)", re.DOTALL),
        "inline": re.compile(r"(?x) (?P<day>\d{1,2}) \s+ (?P<month>[A-Z][a-z]+)"),
    }
    data = compiled.dumps(patterns)
    compiles = []
    real_compile = re.compile
    monkeypatch.setattr(re, "compile", lambda *a, **k: compiles.append(a) or real_compile(*a, **k))
    again = pickle.loads(data)
    assert compiles == []  # nothing recompiled
    for name, pattern in patterns.items():
        assert again[name] == pattern
        assert again[name].groupindex == pattern.groupindex and again[name].flags == pattern.flags
    assert again["names"].search("talks at the White House").group("name") == "White House"
    assert again["inline"].match("5 March").group("month") == "March"


def test_a_refused_program_falls_back_to_the_source():
    """A program the regex engine does not accept (another Python's) is compiled from its source."""
    import re

    rebuilt = compiled.rebuild_pattern(r"m(e+)t", re.IGNORECASE, [999999, 1, 2], 0, {}, (None,))
    assert rebuilt == re.compile(r"m(e+)t", re.IGNORECASE)
    assert rebuilt.match("MEET").group(1) == "EE"
