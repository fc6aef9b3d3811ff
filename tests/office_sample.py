"""The office of the embedded sample plan, as the sample set-up derives it, for tests."""

from __future__ import annotations

import dataclasses

from cchc_desktop.domain.office import OfficeSettings, derived_office


def sample_office() -> OfficeSettings:
    """Ngọc Lặc district of Thanh Hóa, signed by its chairman (the seed's decision)."""
    office = derived_office("district", "Tỉnh Thanh Hóa", "Huyện Ngọc Lặc")
    return dataclasses.replace(office, signer_name="Lê Văn Tuấn")
