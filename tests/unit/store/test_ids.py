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
    # Fixed examples: a change to how the key is formed would move every stored id.
    assert ids.natural_id("task", "Phòng Nội vụ", 3) == str(
        uuid.uuid5(ids.NAMESPACE, "task|phong noi vu|3")
    )
    assert ids.plan_id(2020, "1234/QĐ-UBND") == str(
        uuid.uuid5(ids.NAMESPACE, "plan|2020|1234/qd-ubnd")
    )
