"""How the cost of ``check`` grows with the document: it must grow linearly.

A case with the 43 forces of the register, 30 recommendations to chief constables and 5 responses per force
per recommendation (6,450 responses), then one with ten times the recommendations and responses. Prints the
time of each and their ratio, which should stay near 10 (quadratic growth would give about 100).

    .venv/bin/python -m benchmarks.bench_rules
"""

from __future__ import annotations

import datetime as dt
import time

import supercomplaint as sc
from supercomplaint import model as m


def build(recommendations: int, responses_per_item: int = 5) -> m.CaseRecord:
    registry = sc.default_registry()
    forces = registry.members("chief-constables")
    published = dt.date(2021, 5, 26)
    recs = tuple(
        m.Recommendation(
            id=m.Id(f"r{i}"),
            label=f"{i + 1}",
            addressees=(m.Ref("chief-constables"),),
            text=f"Recommendation {i + 1}.",
            deadline=m.PeriodDeadline(
                amount=6, unit=m.Unit.MONTHS, anchor=m.Anchor.REPORT_PUBLISHED, counting=m.Counting.AFTER
            ),
        )
        for i in range(recommendations)
    )
    route = m.MonitoringObligation(
        id=m.Id("m1"),
        reporter=m.Ref("npcc"),
        on_behalf_of=m.Ref("chief-constables"),
        recipient=m.Ref("hmicfrs"),
        items=tuple(m.Ref(r.id) for r in recs),
        deadline=m.PeriodDeadline(
            amount=6, unit=m.Unit.MONTHS, anchor=m.Anchor.REPORT_PUBLISHED, counting=m.Counting.AFTER
        ),
    )
    responses = []
    for f, force in enumerate(forces):
        force_id = force.id
        for k in range(responses_per_item):
            responses.append(
                m.Response(
                    id=m.Id(f"resp-{f}-{k}"),
                    responder=m.Ref(force_id),
                    sent=sc.PartialDate.from_date(published + dt.timedelta(days=30 * (k + 1))),
                    items=tuple(
                        m.ItemResponse(item=m.Ref(r.id), position=m.Position.ACCEPTED, progress=m.Progress.IN_PROGRESS)
                        for r in recs
                    ),
                )
            )
    return m.CaseRecord(
        id=m.Id("bench"),
        complaint=m.Complaint(
            title="Benchmark",
            complainants=(m.Ref("hestia"),),
            decision_makers=(m.Ref("hmicfrs"), m.Ref("iopc"), m.Ref("college-of-policing")),
        ),
        bodies=(m.Body(id=m.Id("hestia"), name="Hestia", kind=m.BodyKind.DESIGNATED_BODY),),
        report=m.Report(
            id=m.Id("report"),
            title="Benchmark report",
            published=sc.PartialDate.from_date(published),
            recommendations=recs,
            monitoring=(route,),
        ),
        responses=tuple(responses),
    )


def timed(case: m.CaseRecord, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        findings = sc.check(case)
        best = min(best, time.perf_counter() - start)
    assert not [f for f in findings if f.severity == "error"], findings[:3]
    return best


def answers(case: m.CaseRecord) -> int:
    return sum(len(r.items) for r in case.responses)


def main() -> None:
    small, large = build(30), build(300)
    t_small, t_large = timed(small), timed(large)
    print(f"check(): {answers(small):>7} answers  {t_small * 1000:8.1f} ms  (baseline)")
    print(
        f"check(): {answers(large):>7} answers  {t_large * 1000:8.1f} ms  ratio {t_large / t_small:.1f} (linear: ~10)"
    )


if __name__ == "__main__":
    main()
