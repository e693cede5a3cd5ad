"""Near-duplicate articles (syndicated copies, re-posts) by MinHash LSH.

Signatures and LSH band keys are pure functions of the text; linking is done by the store
against every article already stored, so the result does not depend on input order: each
pair is compared when the later of its two articles arrives, clusters are the connected
components of the similar pairs, and a cluster's canonical article is the earliest
published (ties: the smallest id), whichever came first.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..identity import normalize_for_identity

_WORD = re.compile(r"\w+")
_SEED = 1
# MurmurHash3's 32-bit finalizer (shift, multiplier, shift, multiplier, shift), as datasketch 2's
# default "affine32" MinHash scheme applies it before the permutations
_FMIX32 = tuple(np.uint32(v) for v in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))
_EMPTY = np.uint32(0xFFFFFFFF)


@dataclass(frozen=True)
class LshParams:
    """Banding of a signature: `bands` bands of `rows` values each."""

    permutations: int
    bands: int
    rows: int
    threshold: float


def lsh_params(threshold: float, permutations: int, weights: tuple[float, float] = (0.5, 0.5)) -> LshParams:
    """The banding datasketch's `MinHashLSH(threshold, num_perm)` chooses: the (bands, rows)
    with bands * rows <= permutations minimizing the weighted false-positive and
    false-negative areas under the S-curve 1 - (1 - s**rows)**bands (tried in datasketch's
    order, first minimum kept). The areas are integrals of polynomials of degree at most
    `permutations`, computed exactly by Gauss-Legendre quadrature, so neither datasketch
    nor the scipy it imports (0.3-1.3 s) is loaded (tests/test_identity_dedup.py compares)."""
    pairs = [(b, r) for b in range(1, permutations + 1) for r in range(1, permutations // b + 1)]
    bands = np.array([b for b, _ in pairs], dtype=float)[:, None]
    rows = np.array([r for _, r in pairs], dtype=float)[:, None]
    nodes, node_weights = np.polynomial.legendre.leggauss(permutations // 2 + 2)

    def area(low: float, high: float, positive: bool) -> np.ndarray:
        s = (high - low) / 2 * nodes + (high + low) / 2
        caught = 1.0 - (1.0 - s[None, :] ** rows) ** bands
        values = caught if positive else 1.0 - caught
        return (values * node_weights[None, :]).sum(axis=1) * (high - low) / 2

    error = area(0.0, threshold, True) * weights[0] + area(threshold, 1.0, False) * weights[1]
    bands_chosen, rows_chosen = pairs[int(np.argmin(error))]
    if bands_chosen < 2:  # as datasketch: one band is no index
        raise ValueError(f"near-duplicate threshold {threshold} with {permutations} permutations gives one band")
    return LshParams(permutations=permutations, bands=bands_chosen, rows=rows_chosen, threshold=threshold)


def shingles(text: str, words: int) -> list[bytes]:
    """Word n-grams of the normalized text (the whole text when it is shorter)."""
    tokens = _WORD.findall(normalize_for_identity(text))
    if len(tokens) <= words:
        return [" ".join(tokens).encode("utf-8")]
    return [" ".join(tokens[i : i + words]).encode("utf-8") for i in range(len(tokens) - words + 1)]


@functools.lru_cache(maxsize=4)
def _affine_permutations(permutations: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of h -> a*h + b mod 2^32 for each permutation, drawn as datasketch draws them."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, permutations, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, permutations, dtype=np.uint32)
    return a, b


def _sha1_32(data: bytes) -> int:
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


def signature(text: str, words: int, permutations: int) -> np.ndarray:
    """The MinHash signature (uint64 values) of a text's shingles: the values of datasketch
    2's `MinHash(num_perm=permutations, seed=1)` (default scheme), computed here so that
    ingesting does not import datasketch and scipy (tests/test_dedup.py checks they agree)."""
    values = np.full(permutations, _EMPTY, dtype=np.uint32)
    hashes = np.array([_sha1_32(shingle) for shingle in shingles(text, words)], dtype=np.uint32)
    if hashes.size:
        s1, m1, s2, m2, s3 = _FMIX32
        mixed = hashes ^ (hashes >> s1)
        mixed = mixed * m1
        mixed = mixed ^ (mixed >> s2)
        mixed = mixed * m2
        mixed = (mixed ^ (mixed >> s3)).reshape(-1, 1)
        a, b = _affine_permutations(permutations, _SEED)
        values = np.minimum(values, (mixed * a + b).min(axis=0))
    return values.astype(np.uint64)


def band_keys(sig: np.ndarray, params: LshParams) -> list[tuple[int, int]]:
    """(band, key) pairs: articles sharing any pair are candidate near-duplicates."""
    keys = []
    for band in range(params.bands):
        chunk = sig[band * params.rows : (band + 1) * params.rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    return float(np.mean(sig_a == sig_b))


def canonical_links(
    pairs: Iterable[tuple[str, str]], sort_keys: dict[str, tuple]
) -> dict[str, str | None]:
    """For each article in the pairs' components: its canonical article, or None if it is one.

    `sort_keys` gives each article's precedence (earliest first); every article in
    `pairs` must have one.
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_a] = root_b
    components: dict[str, list[str]] = {}
    for node in list(parent):
        components.setdefault(find(node), []).append(node)
    links: dict[str, str | None] = {}
    for members in components.values():
        canonical = min(members, key=lambda m: (sort_keys[m], m))
        for member in members:
            links[member] = None if member == canonical else canonical
    return links
