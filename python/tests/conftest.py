"""Shared helpers of the textfacts Python tests."""

import json
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def data_dir():
    """The shared data folder (TEXTFACTS_DATA, else ../shared/data), or None."""
    path = pathlib.Path(os.environ.get("TEXTFACTS_DATA", ROOT.parent / "shared" / "data"))
    if not path.is_absolute():
        path = (ROOT / path).resolve()
    return path if (path / "news" / "news.jsonl").is_file() else None


@pytest.fixture(scope="session")
def news_texts():
    """The texts of the news sample (skips when the shared data is absent)."""
    d = data_dir()
    if d is None:
        pytest.skip("no shared data (set TEXTFACTS_DATA): news tests skipped")
    with open(d / "news" / "news.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


#: A text rich in non-ASCII: accents, emoji (outside the BMP), CJK, Arabic, Cyrillic.
NON_ASCII = (
    "Zürich, 4 März 2019 — Über 27 Menschen 😀 wurden in Aleppo getötet. "
    "東京で3人が死亡した。 قُتل 12 شخصا في حلب. В Киеве ранены 5 человек. "
    "At least 27 people 👨‍👩‍👧 were killed in Aleppo on Monday; ‘dozens’ more were injured in Homs. "
    "Ça va? Séoul: 서울에서 2명 사망. Over 60 people 🇸🇾 have been killed in Idlib."
)


def spans(value):
    """Every dict with start/end (and maybe text) anywhere inside `value`."""
    if isinstance(value, dict):
        if "start" in value and "end" in value:
            yield value
        for v in value.values():
            yield from spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from spans(v)


def drop_nulls(value):
    """`value` without null fields: the dicts leave out absent optional
    fields (as the JSON does), Arrow rows hold null there."""
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value
