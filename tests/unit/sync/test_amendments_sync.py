"""A plan amended at the district reaches a commune: the added task, the cancelled one, and the
commune's progress on the cancelled task, which stays."""

from __future__ import annotations

import datetime as dt

from cchc_desktop.services import amendment_service, plan_service, structure_service
from cchc_desktop.services.tree_service import summary_counts
from tests.unit.sync.netkit import APPENDIX, PLAN, TASKS, Net, deliver, progress_row


def test_added_and_cancelled_tasks_reach_the_commune_and_its_progress_stays(net: Net) -> None:
    progress_row(net.a1, TASKS[1], percent=30, result="Đang rà soát")
    deliver(net.a1, net.district, net.usb)

    amendment, _ = amendment_service.record_amendment(
        net.district.db, PLAN, number="77/QĐ-UBND", date=dt.date(2020, 6, 1), summary="Điều chỉnh"
    )
    added = structure_service.add_task(
        net.district.db,
        APPENDIX,
        structure_service.NewTask(title="Nhiệm vụ bổ sung", timeline="Quý IV/2020"),
        index=0,
    )
    amendment_service.cancel_task(net.district.db, TASKS[1])
    deliver(net.district, net.a1, net.usb)

    commune = net.a1.db
    plan = plan_service.load_plan(commune, PLAN)
    assert [(t.no, t.title, t.cancelled_by, t.added_by) for t in plan.appendices[0].tasks] == [
        ("1", "Nhiệm vụ bổ sung", None, "77/QĐ-UBND"),
        ("2", "Nhiệm vụ số 1", None, None),
        ("3", "Nhiệm vụ số 2", "77/QĐ-UBND", None),
        ("4", "Nhiệm vụ số 3", None, None),
    ]
    assert plan.amendments[0].number == amendment.number
    assert commune.execute(
        "SELECT count(*) FROM milestone WHERE task_id = ? AND deleted = 0", [added.id]
    ).fetchone() == (1,)
    # The commune's own report on the cancelled task is kept, as it wrote it.
    assert commune.execute(
        "SELECT percent, result, deleted FROM progress WHERE task_id = ?", [TASKS[1]]
    ).fetchall() == [(30, "Đang rà soát", 0)]
    assert amendment_service.cancelled_note(commune, TASKS[1]) == (
        "Đã bãi bỏ theo QĐ 77/QĐ-UBND ngày 01/06/2020"
    )
    assert summary_counts(commune, PLAN, dt.date(2020, 7, 1)).tasks == 4
