"""Events stage: PLOVER 2024 / CAMEO coding of sentences with a trained classifier plus ontology-aware rules.

Entries: ``annotate(doc, ctx)`` (pipeline stage), ``code_records(records, ctx)`` (``parley code``),
``evaluate_plv(path, ctx)`` (``parley eval code --plv``). Runtime needs numpy, onnxruntime and tokenizers only;
weights are rebuilt by bench/train_events.py, ontology tables by bench/build_ontology.py.
"""

from parley.events.annotate import annotate
from parley.events.records import code_records, evaluate_plv

__all__ = ["annotate", "code_records", "evaluate_plv"]
