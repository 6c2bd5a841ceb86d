"""Quotes and speakers on PolNeAR (US election news, 7 outlets): parley against a nearest-name baseline.

    python bench/quotes_polnear.py [--split dev|train|check] [--limit N] [--show] [--sample N]

Runs the public pipeline (``parley.pipeline.analyze`` over ``ingest.iter_documents``, the path of
``parley analyze``) on each article of ../shared/data/polnear/<split>/text, with the publication date from
metadata.tsv, and compares ``doc.quotes`` with the gold attributions (one annotation file per article: the
first by name when an article was annotated twice). Splits: ``dev`` (84 articles, the reported figures),
``train`` (train articles except every tenth, for development) and ``check`` (every tenth train article, a
slice kept for checking choices). Gold offsets are into the raw text; the cleaner may drop lines or replace
no-break spaces, so they are mapped to the cleaned text through a character alignment (difflib).

Gold direct quotes: every double-quoted piece (“…”, "…", NYT-style ''…'') of two words or more inside a gold
attribution's Content span or its Content2 (the rest of a quote the cue splits: “A,” he said. “B.”), cut at
paragraph breaks (a quote running over paragraphs gives one piece per paragraph, as parley does). Gold
reported speech: a Content span whose quoted pieces cover under half of its characters. A system quote
matches a gold one of its kind when their spans overlap by at least half of the shorter; matching is one-to-one, best overlap first. Reported-speech recall is given for all non-direct
attributions (PolNeAR also annotates beliefs and intentions: "X wants …") and for those whose cue holds a
speech verb (``SPEECH`` below). A system reported quote counts as right when it matches any non-direct one.

Gold speakers are named by rule R (bench/polnear_gold.py: R1 names in the Source span, R2 pronouns and
descriptions resolved to an earlier name, R3 indefinites unnamed); ``--name-rule`` and ``--gold-rule``
switch its later parts off.

Speaker right at name level: the gold name's words are all among the words of the system speaker's name or
of one of its actor's aliases, or the other way round ("Trump" ~ "Donald Trump"; "Melania Trump" is not
"Donald Trump"), titles and possessives dropped, case ignored. An unnamed gold speaker is matched by no
speaker or by a system speaker whose span overlaps the gold Source. End-to-end F1 counts a quote right when
it is found and its speaker is right (quotes with unknown gold speaker left out on both sides).

Baseline (same run, same scoring): quotes are the double-quoted pieces of two words or more found by the same
mark pairing over each paragraph; the speaker is the capitalised name (R1's pattern) outside quotes nearest to
the quote in its paragraph, else the last one in the paragraphs before. Reported speech: each "said", "says",
"told" or "according to" outside quotes in a sentence without a quote; content is the rest of the sentence
after the cue when the cue is in the sentence's first half, else the part before it; speaker as above.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import pickle
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear_gold as G  # noqa: E402
from parley import clean, ingest, pipeline, quotes  # noqa: E402
from parley.context import Context  # noqa: E402
from polnear_gold import (  # noqa: E402  (load_split, name_in, Article: also read through here by the trainer)
    NAME_RUN,
    POLNEAR,
    PRONOUNS,
    SPEECH,
    TITLES,
    Article,
    Attribution,
    _strip,
    load_split,
    name_in,
    quote_pieces,
)

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "bench" / "data" / "polnear_source_check.tsv"


# ------------------------------------------------------------------------------------------------- items
@dataclass
class Item:
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    names: tuple[str, ...] = ()
    speaker_span: tuple[int, int] | None = None
    gold: Attribution | None = None
    speech: bool = True
    cue: str | None = None
    kind: str | None = None  # the system speaker's actor type


class OffsetMap:
    """Raw-text offsets -> cleaned-text offsets (difflib alignment; deleted text maps to its next kept char)."""

    def __init__(self, raw: str, clean: str):
        self.blocks = []
        if raw == clean:
            self.same = True
            return
        self.same = False
        sm = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
        for a, b, n in sm.get_matching_blocks():
            if n:
                self.blocks.append((a, b, n))
        self.starts = [a for a, _b, _n in self.blocks]

    def __call__(self, i: int) -> int:
        if self.same:
            return i
        k = bisect.bisect_right(self.starts, i) - 1
        if k < 0:
            return 0
        a, b, n = self.blocks[k]
        return b + min(i - a, n)


def gold_items(art: Article, omap: OffsetMap) -> list[Item]:
    out = []
    for a in art.attrs:
        pieces = []
        for s, e in a.content + a.content2:
            pieces += quote_pieces(art.text, s, e)
        clen = sum(e - s for s, e in a.content + a.content2)
        qlen = sum(e - s for s, e in pieces)
        for s, e in pieces:
            out.append(Item(omap(s), omap(e), True, a.name, gold=a))
        if qlen < 0.5 * clen:
            s, e = min(s for s, _ in a.content), max(e for _, e in a.content)
            s, e = _strip(art.text, s, e)
            out.append(Item(omap(s), omap(e), False, a.name, gold=a, speech=bool(SPEECH.search(a.cue_text))))
    for it in out:
        if it.gold.source:
            it.speaker_span = (omap(min(s for s, _ in it.gold.source)), omap(max(e for _, e in it.gold.source)))
    return [it for it in out if it.end > it.start]


def system_items(doc) -> list[Item]:
    actors = {a.id: a for a in doc.actors}
    out = []
    for q in doc.quotes:
        a = actors.get(q.speaker_id)
        names = (q.speaker, *(a.aliases if a else ())) if q.speaker else ()
        out.append(Item(q.start, q.end, q.direct, q.speaker, tuple(n for n in names if n),
                        tuple(q.speaker_span) if q.speaker_span else None, cue=q.cue,
                        kind=a.type if a else None))
    return out


def baseline_items(text: str) -> list[Item]:
    pieces = quote_pieces(text, 0, len(text))
    starts = [s for s, _ in pieces]

    def inside(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and pieces[k][0] - 2 <= i < pieces[k][1] + 2

    names = [m for m in NAME_RUN.finditer(text) if not inside(m.start()) and name_in(m.group(), rule="runs")]
    paras = [m.span() for m in re.finditer(r"[^\n]+", text)]

    def nearest(s: int, e: int) -> tuple[str | None, tuple[int, int] | None]:
        p = next((p for p in paras if p[0] <= s < p[1]), (0, len(text)))
        same = [m for m in names if p[0] <= m.start() < p[1]]
        if same:
            m = min(same, key=lambda m: min(abs(m.start() - e), abs(s - m.end())))
        else:
            before = [m for m in names if m.end() <= p[0]]
            if not before:
                return None, None
            m = before[-1]
        return name_in(m.group(), rule="runs"), m.span()

    out = []
    for s, e in pieces:
        nm, sp = nearest(s, e)
        out.append(Item(s, e, True, nm, (nm,) if nm else (), sp))
    for sent in re.finditer(r"[^.!?\n]+[.!?]?", text):
        s0, s1 = sent.span()
        if any(s0 <= ps < s1 for ps, _ in pieces):
            continue
        for c in re.finditer(r"\b(?:said|says|told|according to)\b", text[s0:s1]):
            cs, ce = s0 + c.start(), s0 + c.end()
            if cs - s0 < (s1 - s0) / 2:
                m = re.match(r"\s*(?:that\s+)?", text[ce:s1])
                lo, hi = ce + m.end(), s1
            else:
                lo, hi = s0, cs
            lo, hi = _strip(text, lo, hi)
            if len(text[lo:hi].split()) >= 4:
                nm, sp = nearest(cs, ce)
                out.append(Item(lo, hi, False, nm, (nm,) if nm else (), sp))
            break
    return out


# ------------------------------------------------------------------------------------------------- scoring
def _words(name: str) -> set[str]:
    ws = {re.sub(r"[’']s$|[^\w-]", "", w.lower()) for w in name.split()}
    return {w for w in ws if w and w not in TITLES}


def speaker_right(g: Item, s: Item) -> bool:
    if g.gold.status == "unnamed":
        return s.speaker is None or bool(s.speaker_span and g.speaker_span and s.speaker_span[0] < g.speaker_span[1]
                                         and g.speaker_span[0] < s.speaker_span[1])
    if not s.speaker:
        return False
    gw = _words(g.speaker or "")
    return any(gw and (gw <= _words(n) or (_words(n) and _words(n) <= gw)) for n in s.names)


def _overlap(a: Item, b: Item) -> float:
    ov = min(a.end, b.end) - max(a.start, b.start)
    return ov / max(1, min(a.end - a.start, b.end - b.start)) if ov > 0 else 0.0


def match(golds: list[Item], syss: list[Item]) -> list[tuple[Item | None, Item | None]]:
    cands = sorted(((_overlap(g, s), gi, si) for gi, g in enumerate(golds) for si, s in enumerate(syss)
                    if g.direct == s.direct and _overlap(g, s) >= 0.5), reverse=True)
    ug, us, out = set(), set(), []
    for _ov, gi, si in cands:
        if gi in ug or si in us:
            continue
        ug.add(gi)
        us.add(si)
        out.append((golds[gi], syss[si]))
    out += [(g, None) for gi, g in enumerate(golds) if gi not in ug]
    out += [(None, s) for si, s in enumerate(syss) if si not in us]
    return out


def score(pairs) -> dict:
    d = [(g, s) for g, s in pairs if (g or s).direct]
    r = [(g, s) for g, s in pairs if not (g or s).direct]
    gold_d = sum(1 for g, _ in d if g)
    sys_d = sum(1 for _, s in d if s)
    hit_d = [(g, s) for g, s in d if g and s]
    known = [(g, s) for g, s in hit_d if g.gold.status != "unknown"]
    right = sum(1 for g, s in known if speaker_right(g, s))
    gold_dk = sum(1 for g, _ in d if g and g.gold.status != "unknown")
    sys_dk = sum(1 for g, s in d if s and (g is None or g.gold.status != "unknown"))
    p = right / sys_dk if sys_dk else 0.0
    rr = right / gold_dk if gold_dk else 0.0
    gold_r = sum(1 for g, _ in r if g)
    gold_rs = sum(1 for g, _ in r if g and g.speech)
    sys_r = sum(1 for _, s in r if s)
    hit_r = [(g, s) for g, s in r if g and s]
    known_r = [(g, s) for g, s in hit_r if g.gold.status != "unknown"]
    rp = len(hit_r) / sys_r if sys_r else 0.0
    rs = sum(1 for g, _s in hit_r if g.speech) / gold_rs if gold_rs else 0.0
    return {
        "direct_gold": gold_d, "direct_sys": sys_d,
        "direct_P": len(hit_d) / sys_d if sys_d else 0.0, "direct_R": len(hit_d) / gold_d if gold_d else 0.0,
        "speaker_acc": right / len(known) if known else 0.0, "speaker_n": len(known),
        "e2e_P": p, "e2e_R": rr, "e2e_F1": 2 * p * rr / (p + rr) if p + rr else 0.0,
        "rep_gold": gold_r, "rep_gold_speech": gold_rs, "rep_sys": sys_r, "rep_P": rp,
        "rep_R": len(hit_r) / gold_r if gold_r else 0.0, "rep_R_speech": rs,
        "rep_F1_speech": 2 * rp * rs / (rp + rs) if rp + rs else 0.0,
        "rep_speaker_acc": (sum(1 for g, s in known_r if speaker_right(g, s)) / len(known_r)) if known_r else 0.0,
    }


def error_class(text: str, g: Item, s: Item) -> str:
    """One speaker error's class: none/wrong x where the gold source is (same paragraph, earlier one, a
    pronoun or description) x how parley attributed it (its own cue, no cue = continuation) x speaker kind."""
    para = text.count("\n\n", 0, g.start)
    src = g.speaker_span
    where = "nosrc" if not src else "same-para" if text.count("\n\n", 0, src[0]) == para else \
        "earlier-para" if src[0] < g.start else "later-para"
    gold_kind = "pronoun" if g.gold.source_text.strip().lower() in PRONOUNS else \
        "description" if g.gold.status == "resolved" else g.gold.status
    if s.speaker is None:
        return f"none   gold={gold_kind:11} src={where:12} cue={'yes' if s.cue else 'no'}"
    kind = "title-only" if s.speaker.split()[-1].lower().rstrip(".") in TITLES else (s.kind or "unknown-actor")
    return f"wrong  gold={gold_kind:11} src={where:12} cue={'yes' if s.cue else 'no'} sys={kind}"


def hand_check(arts: list[Article]) -> tuple[int, int] | None:
    """Agreement of rule R with the reader's verdicts in CHECK (article, source start, reader's name or -)."""
    if not CHECK.exists():
        return None
    by = {(a.name, min(s for s, _ in at.source)): at for a in arts for at in a.attrs if at.source}
    agree = n = 0
    for line in CHECK.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or not parts[1].isdigit() or (parts[0], int(parts[1])) not in by:
            continue
        at = by[(parts[0], int(parts[1]))]
        reader = None if parts[3] in ("-", "") else parts[3]
        n += 1
        if reader is None:
            agree += at.name is None
        elif at.name:
            agree += _words(reader) <= _words(at.name) or _words(at.name) <= _words(reader)
    return agree, n


def sample(arts: list[Article], n: int, seed: int = 17, pronouns: bool = False) -> None:
    rows = [(a, at) for a in arts for at in a.attrs if at.source]
    rows = [r for r in rows if any(quote_pieces(r[0].text, s, e) for s, e in r[1].content)]
    if pronouns:  # only "he"/"she" sources: the ones R2c reads
        rows = [r for r in rows if r[1].source_text.strip().lower() in ("he", "she")]
    random.Random(seed).shuffle(rows)
    print("article\tsource_start\trule\treader\tcontext")
    for a, at in rows[:n]:
        s = min(x for x, _ in at.source)
        ctx = a.text[max(0, s - 250):s].replace("\n", " ¶ ") + " [[" + at.source_text + "]]"
        print(f"{a.name}\t{s}\t{at.name or '-'}\t?\t{ctx}")


def analyze_cached(raw, ctx: Context, cache: Path):
    """The document of ``raw`` after the quotes stage, the stages before it read from ``cache`` when there
    (quotes depend on nothing later, so the quote figures are the full pipeline's)."""
    path = cache / (re.sub(r"[^\w.-]", "_", raw.id) + ".pkl")
    if path.exists():
        doc = pickle.loads(path.read_bytes())
    else:
        ctx = pipeline.wire(ctx)
        doc = clean.clean(raw, ctx)
        for stage in pipeline.STAGES[: pipeline.STAGES.index(quotes.annotate)]:
            doc = stage(doc, ctx)
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(doc))
    return quotes.annotate(doc, ctx)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "train", "check"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", action="store_true", help="print direct-quote misses, false alarms, wrong speakers")
    ap.add_argument("--show-reported", action="store_true",
                    help="print reported-speech misses (gold speech-verb sources unmatched) and wrong speakers")
    ap.add_argument("--errors", action="store_true", help="count direct-quote speaker errors by class")
    ap.add_argument("--sample", type=int, default=0, help="print N gold sources for the hand check and stop")
    ap.add_argument("--cache", type=Path, default=None,
                    help="folder of documents pickled after the timex stage: re-runs only the quotes stage (same "
                         "figures as the full pipeline; clear it when a stage before quotes changes)")
    ap.add_argument("--seed", type=int, default=17, help="seed of --sample (dev 17, train 1717, check 2017 and 4242)")
    ap.add_argument("--pronouns", action="store_true", help="--sample only he/she sources")
    ap.add_argument("--gold-rule", default="reader", choices=["reader", "sources"],
                    help="R2c on (reader, default) or off (sources: 'he' is the last gold source, the older rule)")
    ap.add_argument("--name-rule", default="heads", choices=["heads", "appositions", "descriptions", "runs"],
                    help="R1d-g on (heads, default), R1d-f (appositions: 'Sanders protesters' -> Sanders), R1d-e "
                         "(descriptions: 'another Twitter user, Johanna Bayer' -> Twitter) or none (runs: 'The "
                         "Florida senator' -> Florida, the oldest rule)")
    args = ap.parse_args()
    G.GOLD_RULE = args.gold_rule
    G.NAME_RULE = args.name_rule
    if not POLNEAR.is_dir():
        raise SystemExit("../shared/data/polnear not present")
    arts = load_split(args.split, args.limit)
    if args.sample:
        sample(arts, args.sample, args.seed, args.pronouns)
        return
    ctx = Context()
    sys_pairs, base_pairs, t_parley, n_words = [], [], 0.0, 0
    errors: dict[str, int] = {}
    for art in arts:
        raw = ingest.make_raw(art.name, f"polnear/{art.name}.txt", art.text.encode("utf-8"), "text")
        raw.published = art.published
        t0 = time.perf_counter()
        doc = analyze_cached(raw, ctx, args.cache) if args.cache else pipeline.analyze(raw, ctx)
        t_parley += time.perf_counter() - t0
        n_words += len(doc.text.split())
        golds = gold_items(art, OffsetMap(art.text, doc.text))
        pairs = match(golds, system_items(doc))
        sys_pairs += pairs
        base_pairs += match(gold_items(art, OffsetMap(art.text, art.text)), baseline_items(art.text))
        for g, s in pairs if args.errors else ():
            if g and s and g.direct and g.gold.status != "unknown" and not speaker_right(g, s):
                k = error_class(doc.text, g, s)
                errors[k] = errors.get(k, 0) + 1
        if args.show:
            for g, s in pairs:
                if not (g or s).direct:
                    continue
                if s is None:
                    print(f"MISS  {art.name[:24]} [{g.speaker}] {doc.text[g.start:g.end][:90]!r}")
                elif g is None:
                    print(f"EXTRA {art.name[:24]} [{s.speaker}] {doc.text[s.start:s.end][:90]!r}")
                elif g.gold.status != "unknown" and not speaker_right(g, s):
                    print(f"WRONG {art.name[:24]} [{s.speaker} != {g.speaker} ({g.gold.source_text})] "
                          f"{doc.text[g.start:g.end][:70]!r}")
        for g, s in pairs if args.show_reported else ():
            if g is None and s is not None and not s.direct:
                near = doc.text[max(0, s.start - 120):s.end][:260].replace("\n", " ")
                print(f"REXTRA {art.name[:24]} [{s.speaker}] {near!r}")
            if g is None or g.direct or (s is None and not g.speech):
                continue
            near = doc.text[max(0, g.start - 120):g.end][:260].replace("\n", " ")
            if s is None:
                print(f"RMISS  {art.name[:24]} [{g.speaker} / {g.gold.cue_text}] {near!r}")
            elif g.gold.status != "unknown" and not speaker_right(g, s):
                print(f"RWRONG {art.name[:24]} [{s.speaker} != {g.speaker} ({g.gold.source_text})] {near!r}")
    print(f"PolNeAR {args.split}: {len(arts)} articles, {n_words} words, parley {t_parley:.1f}s, gold rule {G.GOLD_RULE}")
    rows = [("parley", score(sys_pairs)), ("baseline", score(base_pairs))]
    keys = ["direct_gold", "direct_sys", "direct_P", "direct_R", "speaker_acc", "speaker_n", "e2e_P", "e2e_R",
            "e2e_F1", "rep_gold", "rep_gold_speech", "rep_sys", "rep_P", "rep_R", "rep_R_speech", "rep_F1_speech",
            "rep_speaker_acc"]
    print(f"{'':16}" + "".join(f"{n:>10}" for n, _ in rows))
    for k in keys:
        print(f"{k:16}" + "".join(f"{r[k]:10d}" if isinstance(r[k], int) else f"{r[k]:10.3f}" for _, r in rows))
    status = {}
    for a in arts:
        for at in a.attrs:
            status[at.status] = status.get(at.status, 0) + 1
    print("gold sources by rule:", status)
    for k, n in sorted(errors.items(), key=lambda x: -x[1]):
        print(f"{n:5d}  {k}")
    hc = hand_check(arts)
    if hc:
        print(f"rule R vs reader on the hand-checked sample: {hc[0]}/{hc[1]} agree")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
