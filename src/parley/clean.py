"""Placeholder until the cleaning module lands."""
from parley.document import Document


def clean(raw, ctx=None) -> Document:
    return Document(id=raw.id, source=raw.source, content_hash=raw.content_hash, text=raw.content.strip(),
                    title=raw.title, url=raw.url, published=raw.published)
