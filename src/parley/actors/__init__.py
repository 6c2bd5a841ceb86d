"""Actors stage: who is named in an article, as one record per real-world actor with role, affiliation and code.

Entry point: ``annotate(doc, ctx) -> doc`` fills ``doc.actors``; ``person_mentions(doc)`` gives the person
mentions (names and resolved definite descriptions such as "the prime minister") for the quotes stage.
Pronouns ("he", "she") are deliberately left to the quotes stage.

Method, not a model: dictionary names + capitalised-run recognition + title/apposition/possessive patterns
(``recognize``), then alias merging, definite-description resolution and date-valid CAMEO codes (``resolve``).
Dictionaries are data: the bundled ``parley/data/actors/*.yaml`` (Cambodia's main actors, international
bodies) plus user files from ``ctx.option("actor_files")`` (parley YAML or PETRARCH/Phoenix text, sniffed).
Setting ``ctx.options["actor_bundled"] = False`` runs without the bundled dictionaries (the method still
works: tests prove it on a fictional country).

With ``--spacy-model`` (``parley.nlp``), named entities of the parse add the names the rules cannot justify
(``entities``); without it the rule path is unchanged.

A document's actors are a function of that document and the dictionaries alone: nothing one article says
carries to the next one in the same process (so ``run A; run B`` equals ``run A B`` and a resumed run equals an
uninterrupted one). Actors are linked across articles by the corpus step (``parley.corpus``: merged
``corpus_actors``), not here.
"""

from __future__ import annotations

from pathlib import Path

from parley import nlp
from parley.actors import entities
from parley.actors.dictionary import ActorDictionary, DictEntry, RoleSpan, load_file, load_petrarch, load_yaml
from parley.actors.lexicon import DATA, Lexicon, load_lexicon
from parley.actors.recognize import Recognizer
from parley.actors.resolve import Resolver, slug
from parley.actors.tenure import OfficeTenures
from parley.context import Context
from parley.document import Document

__all__ = [
    "annotate", "person_mentions", "load_file", "load_yaml", "load_petrarch", "ActorDictionary", "DictEntry",
    "RoleSpan", "lexicon", "dictionary", "slug", "office_tenures",
]


def lexicon(ctx: Context | None = None) -> Lexicon:
    ctx = ctx or Context()
    return ctx.get("actors.lexicon", load_lexicon)


def dictionary(ctx: Context | None = None) -> ActorDictionary:
    """Bundled YAML dictionaries (unless ``actor_bundled`` is False) plus ``actor_files``, loaded once."""
    ctx = ctx or Context()
    files = tuple(str(p) for p in (ctx.option("actor_files") or []))
    bundled = ctx.option("actor_bundled", True)

    def load() -> ActorDictionary:
        lex = lexicon(ctx)
        d = ActorDictionary(lexicon=lex)
        if bundled:
            for p in sorted(DATA.glob("*.yaml")):
                if p.name != "lexicon.yaml":
                    d.extend(load_yaml(p))
        for f in files:
            d.extend(load_file(Path(f), lex))
        return d

    return ctx.get(f"actors.dictionary:{int(bool(bundled))}:{'|'.join(files)}", load)


def office_tenures(ctx: Context) -> OfficeTenures:
    """The dictionaries' dated offices for the clean stage's date rules (``ctx.resource("office_tenures")``)."""
    return OfficeTenures(dictionary(ctx))


def annotate(doc: Document, ctx: Context | None = None) -> Document:
    """Pipeline stage: fill ``doc.actors`` (see module docstring)."""
    ctx = ctx or Context()
    lex = lexicon(ctx)
    base = dictionary(ctx)
    ents = nlp.entities(doc, ctx, entities.LABELS)  # empty unless --spacy-model parsed this document
    rec = Recognizer(doc.text, doc.sentences, doc.paragraphs, lex, [("dict", base)], ents)
    rec.run(entities)
    res = Resolver(rec, lex, {"dict": base}, doc.published, {})  # no memory of earlier documents
    doc.actors = res.run()
    return doc


def person_mentions(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, actor_id) of every person mention, sorted by start offset.

    Includes names, short names ("Rainsy") and resolved definite descriptions ("the prime minister");
    ``doc.text[start:end]`` is the mention. Pronouns are not included.
    """
    out = [(s, e, a.id) for a in doc.actors if a.type == "person" for s, e in a.mentions]
    return sorted(out)
