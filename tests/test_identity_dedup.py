from chronicle.identity import article_id, normalize_for_identity
from chronicle.ingest.dedup import band_keys, canonical_links, lsh_params, shingles, signature, similarity


def test_identity_ignores_case_and_whitespace():
    assert article_id("The talks  went well.\n") == article_id("the talks went well.")
    assert article_id("The talks went well.") != article_id("The talks went badly.")
    assert normalize_for_identity("  A\u00a0B  ") == "a b"


def test_short_text_is_one_shingle():
    assert shingles("Leaders met.", 5) == [b"leaders met"]


def test_near_duplicate_signatures_are_similar_and_distinct_texts_are_not():
    base = " ".join(f"word{i}" for i in range(300))
    edited = base.replace("word150", "changed")
    other = " ".join(f"term{i}" for i in range(300))
    a, b, c = (signature(t, 5, 128) for t in (base, edited, other))
    assert similarity(a, b) > 0.9
    assert similarity(a, c) < 0.1
    params = lsh_params(0.8, 128)
    assert params.bands * params.rows <= 128
    assert set(band_keys(a, params)) & set(band_keys(b, params))
    assert not set(band_keys(a, params)) & set(band_keys(c, params))


def test_canonical_is_earliest_then_smallest_whatever_the_pair_order():
    keys = {"b": (False, "2020-01-02"), "a": (False, "2020-01-02"), "c": (False, "2020-01-01"), "d": (True, "None")}
    for pairs in ([("a", "b"), ("b", "c"), ("d", "a")], [("c", "b"), ("a", "d"), ("b", "a")]):
        assert canonical_links(pairs, keys) == {"a": "c", "b": "c", "c": None, "d": "c"}


def test_signature_equals_datasketch_minhash():
    """The MinHash computed without importing datasketch is datasketch's, value for value."""
    import numpy as np
    from datasketch import MinHash

    texts = [
        "The harbour council met on a wet Tuesday to argue about ferry fares and the new pier.",
        "short text",
        "",
        " ".join(f"word{i}" for i in range(400)),
    ]
    for text in texts:
        for permutations in (16, 128):
            expected = MinHash(num_perm=permutations, seed=1)
            expected.update_batch(shingles(text, 5))
            assert np.array_equal(signature(text, 5, permutations), expected.hashvalues.astype(np.uint64))


def test_lsh_banding_equals_datasketch_without_importing_it():
    """The banding computed without datasketch (and its scipy) is the one MinHashLSH picks,
    over thresholds and signature sizes; a banding of one band is refused, as datasketch does."""
    import subprocess
    import sys

    import pytest
    from datasketch import MinHashLSH

    for permutations in (32, 64, 128, 200):
        for threshold in (0.3, 0.5, 0.7, 0.8, 0.85, 0.9):
            ours = lsh_params(threshold, permutations)
            theirs = MinHashLSH(threshold=threshold, num_perm=permutations)
            assert (ours.bands, ours.rows) == (theirs.b, theirs.r), (permutations, threshold)
    with pytest.raises(ValueError):
        lsh_params(0.95, 16)
    check = "import sys; from chronicle.ingest.dedup import lsh_params; lsh_params(0.8, 128); print('scipy' in sys.modules or 'datasketch' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout.strip() == "False"
