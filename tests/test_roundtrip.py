"""Round trips over generated documents: loads(dumps(x)) == x, and dumping is canonical."""

from __future__ import annotations

import json

from hypothesis import given

import supercomplaint as sc
from supercomplaint import strategies as sst


@given(sst.documents())
def test_round_trip(doc: sc.Document) -> None:
    text = sc.dumps(doc)
    back = sc.loads(text)
    assert back == doc
    assert type(back) is type(doc)
    assert sc.dumps(back) == text


@given(sst.documents())
def test_every_document_says_its_kind_and_version_first(doc: sc.Document) -> None:
    data = json.loads(sc.dumps(doc))
    assert list(data)[:2] == ["kind", "schemaVersion"]
    assert data["schemaVersion"] == sc.SCHEMA_VERSION


@given(sst.extensions())
def test_extensions_survive_untouched(ext: dict[str, object]) -> None:
    doc = sc.Register(bodies=(sc.Body(id=sc.model.Id("b"), name="B", kind=sc.BodyKind.OTHER, extensions=ext),))
    assert sc.loads(sc.dumps(doc)) == doc
