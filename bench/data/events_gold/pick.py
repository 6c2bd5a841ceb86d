"""Seeded pick of the T17 articles for the whole-article events gold.

Why a script: the choice of articles must be reproducible and not cherry-picked.
For each chosen T17 source folder, the files are listed in sorted order, shuffled
with random.Random(f"{SEED}:{folder}"), and the first N whose word count lies in
[MIN_WORDS, MAX_WORDS] are kept.  The annotator may then skip a file only for the
reasons written in README.md (not a news article: a photo gallery, a bare list,
a live blog, a duplicate), taking the next one in the shuffled order.

Run:  python bench/data/events_gold/pick.py  [--t17 ../shared/data/t17]
      python bench/data/events_gold/pick.py --election  [--polnear ../shared/data/polnear]
Prints one candidate path per line (relative to ../shared/data), in pick order,
with the folder's rank and the word count.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 16
MIN_WORDS, MAX_WORDS = 250, 900
# folder -> how many articles to take (the annotator reads down the list).
PLAN = {
    "LibyaWar_cnn": 3,
    "LibyaWar_reuters": 3,
    "SyrianCrisis_bbc": 3,
    "SyrianCrisis_reuters": 3,
    "EgyptianProtest_cnn": 3,
    "IraqWar_guardian": 3,
    "bpoil_foxnews": 2,
    "bpoil_guardian": 1,
    "Finan_washingtonpost": 3,
}
# A second batch, added after the first 24 were coded, to reach the other topics and outlets. It has its own
# split (split_batch2) so that adding it moved no article of the first batch between dev and test.
PLAN2 = {
    "H1N1_reuters": 1,
    "haiti_bbc": 1,
    "MJ_bbc": 1,
    "bpoil_bbc": 1,
    "bpoil_reuters": 1,
    "bpoil_washingtonpost": 1,
}
SPARES = 6  # extra candidates listed per folder, for skips
# The election set (its own split, bench/events_e2e.py --gold-split election): PolNeAR train articles, US election
# news 2015-16 from seven publishers, a domain and outlets that no events rule was tuned on. Two per publisher.
ELECTION_PER_PUBLISHER = 2
ELECTION_PUBLISHERS = ("breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal")


def candidates(t17: Path, folder: str, n: int) -> list[tuple[str, int]]:
    files = sorted((t17 / folder / "InputDocs").glob("*/*.htm.txt"))
    rng = random.Random(f"{SEED}:{folder}")
    rng.shuffle(files)
    out = []
    for f in files:
        words = len(f.read_text(encoding="utf-8").split())
        if MIN_WORDS <= words <= MAX_WORDS:
            out.append((f"t17/{folder}/InputDocs/{f.parent.name}/{f.name}", words))
        if len(out) >= n:
            break
    return out


TOPIC = {"LibyaWar": "libya", "SyrianCrisis": "syria", "EgyptianProtest": "egypt", "IraqWar": "iraq",
         "bpoil": "bpoil", "Finan": "finan", "H1N1": "h1n1", "haiti": "haiti", "MJ": "mj"}


def election_candidates(polnear: Path, publisher: str, n: int) -> list[tuple[str, int, str]]:
    """The first n PolNeAR *train* articles of one publisher in a seeded order that fit the word range.

    The files are the train rows of metadata.tsv for that publisher, sorted by file name and shuffled with
    random.Random(f"{SEED}:election:{publisher}"); only length decides (MIN_WORDS..MAX_WORDS), never content.
    Returns (path relative to ../shared/data, words, publication_date)."""
    rows = []
    for line in (polnear / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        if f[0] == "train" and f[4] == publisher:
            rows.append((f[1], f[5]))
    rows.sort()
    random.Random(f"{SEED}:election:{publisher}").shuffle(rows)
    out = []
    for name, published in rows:
        words = len((polnear / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8").split())
        if MIN_WORDS <= words <= MAX_WORDS:
            out.append((f"polnear/train/text/{name}.txt", words, published))
        if len(out) >= n:
            break
    return out


def split(paths: list[str]) -> dict[str, str]:
    """dev/test per article: within each topic, a seeded shuffle puts round(n/3) in test."""
    by_topic: dict[str, list[str]] = {}
    for p in sorted(paths):
        by_topic.setdefault(TOPIC[p.split("/")[1].split("_")[0]], []).append(p)
    out = {}
    for topic, items in sorted(by_topic.items()):
        random.Random(f"{SEED}:split:{topic}").shuffle(items)
        k = round(len(items) / 3)
        for i, p in enumerate(items):
            out[p] = "test" if i < k else "dev"
    return out


def split_batch2(paths: list[str]) -> dict[str, str]:
    """dev/test for the second batch: one seeded shuffle over the batch, round(n/3) to test."""
    items = sorted(paths)
    random.Random(f"{SEED}:split2").shuffle(items)
    k = round(len(items) / 3)
    return {p: ("test" if i < k else "dev") for i, p in enumerate(items)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--t17", default=str(Path(__file__).resolve().parents[4] / "shared/data/t17"))
    ap.add_argument("--split", nargs="*", help="print dev/test for these article paths")
    ap.add_argument("--batch2", action="store_true", help="list / split the second batch")
    ap.add_argument("--election", action="store_true", help="list the election set's PolNeAR candidates")
    ap.add_argument("--polnear", default=str(Path(__file__).resolve().parents[4] / "shared/data/polnear"))
    args = ap.parse_args()
    if args.election:
        for pub in ELECTION_PUBLISHERS:
            for rank, (path, words, published) in enumerate(
                    election_candidates(Path(args.polnear), pub, ELECTION_PER_PUBLISHER + SPARES), 1):
                print(f"{pub}\t{rank}\t{words}\t{published}\t{path}")
        return
    if args.split is not None:
        fn = split_batch2 if args.batch2 else split
        for p, s in sorted(fn(args.split).items()):
            print(f"{s}\t{p}")
        return
    for folder, n in (PLAN2 if args.batch2 else PLAN).items():
        for rank, (path, words) in enumerate(candidates(Path(args.t17), folder, n + SPARES), 1):
            print(f"{folder}\t{rank}\t{words}\t{path}")


if __name__ == "__main__":
    main()
