"""Quotes: gold quotes against the extracted ones, and their speakers."""

from __future__ import annotations

from collections.abc import Sequence

from ..kb import KnowledgeBase
from .gold import identities_of


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"})


def quote_key(text: str) -> str:
    """A quote's text for matching: whitespace collapsed, curly marks made straight."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def _quote_matches(gold: str, text: str) -> bool:
    """The extracted text starts with the gold's first words (trailing punctuation aside)."""
    wanted, got = quote_key(gold), quote_key(text)
    return bool(wanted) and got.startswith((wanted, wanted.rstrip(".,;:!?'\" ")))


def quote_score(golds: Sequence[dict], quotes_by_article: dict[str, list[dict]], kb: KnowledgeBase) -> dict:
    """Gold quotes against the extracted ones of each article: recall (a gold quote is
    found when an extracted direct or partial quote starts with its first words), speaker
    accuracy over the found ones (the speaker is one of the gold name's identities), and
    the share of extracted direct and partial quotes that match no gold quote."""
    gold_total = found = speaker_right = extracted = unmatched_count = indirect = 0
    misses, wrong, unmatched = [], [], []
    for gold in golds:
        quotes = quotes_by_article.get(gold["id"], [])
        marked = [q for q in quotes if q["kind"] != "indirect"]
        indirect += len(quotes) - len(marked)
        extracted += len(marked)
        used: set[int] = set()
        for item in gold.get("quotes") or []:
            gold_total += 1
            fits = [i for i, q in enumerate(marked) if _quote_matches(item["starts_with"], q["text"])]
            if not fits:
                misses.append({"article": gold["id"], "speaker": item.get("speaker"), "starts_with": item["starts_with"]})
                continue
            found += 1
            identities = identities_of(item["speaker"], kb) if item.get("speaker") else set()
            right = [i for i in fits if (marked[i]["speaker"] or {}).get("id") in identities]
            used.update(fits)
            if right:
                speaker_right += 1
            else:
                speaker = marked[fits[0]]["speaker"]
                wrong.append({"article": gold["id"], "gold": item.get("speaker"), "speaker": speaker and speaker["id"],
                              "text": marked[fits[0]]["text"][:80]})
        for i, quote in enumerate(marked):
            if i not in used:
                unmatched_count += 1
                unmatched.append({"article": gold["id"], "kind": quote["kind"], "speaker": (quote["speaker"] or {}).get("id"),
                                  "text": quote["text"][:100]})
    share = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "gold": gold_total,
        "found": found,
        "recall": share(found, gold_total),
        "speaker_right": speaker_right,
        "speaker_accuracy": share(speaker_right, found),
        "extracted": extracted,
        "indirect": indirect,
        "unmatched": unmatched_count,
        "unmatched_share": share(unmatched_count, extracted),
        "misses": misses,
        "wrong_speakers": wrong,
        "unmatched_sample": unmatched[:: max(1, len(unmatched) // 40)][:40],
    }
