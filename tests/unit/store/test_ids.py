"""Natural ids are UUIDv5 exactly: two PCs (and older versions) must derive the same id."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from cchc_desktop.domain.text import fold
from cchc_desktop.store import ids


@given(st.lists(st.one_of(st.text(), st.integers()), min_size=1, max_size=5))
def test_natural_id_is_uuid5_of_the_folded_parts(parts: list[object]) -> None:
    key = "|".join(fold(p) if isinstance(p, str) else str(p) for p in parts)
    assert ids.natural_id(*parts) == str(uuid.uuid5(ids.NAMESPACE, key))


def test_known_ids_do_not_move() -> None:
    # Ids that databases already hold (made by the uuid module before): they must not move.
    assert ids.natural_id("task", "Phòng Nội vụ", 3) == "ad49f28a-5f53-597f-92bb-75dce830d0f4"
    assert ids.plan_id(2020, "1234/QĐ-UBND") == "c33b404a-41e4-5cb9-a7df-0471b39183b6"
