"""How the cost of ``obligations`` and ``compile`` grows with the record: it must grow linearly.

The baseline, measured in the same run, is a case with 40 recommendations addressed jointly to the chief
constables and the local policing bodies of the register (86 bodies each), monitoring routes collated by
the NPCC and the APCC, and per recommendation a response from every force plus a collated response naming
every member: 3,442 obligations. The larger cases have 5 and 25 times the recommendations and responses.
Prints each time and its ratio to the baseline, which should stay near the scale factor (quadratic growth
would give its square).

    .venv/bin/python -m benchmarks.bench_tracker
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import time
from collections.abc import Callable

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.compiling import compile
from supercomplaint.tracker import obligations, tally

PUBLISHED = dt.date(2021, 5, 26)
SIX_MONTHS = m.PeriodDeadline(amount=6, unit=m.Unit.MONTHS, anchor=m.Anchor.REPORT_PUBLISHED, counting=m.Counting.AFTER)


def build(recommendations: int) -> tuple[m.CaseRecord, list[m.Response]]:
    """A case at publication and the responses to compile into it."""
    registry = sc.default_registry()
    forces = [b.id for b in registry.members("chief-constables")]
    lpbs = [b.id for b in registry.members("local-policing-bodies")]
    recs = tuple(
        m.Recommendation(
            id=m.Id(f"r{i}"),
            label=f"{i + 1}",
            addressees=(m.Ref("chief-constables"), m.Ref("local-policing-bodies")),
            text=f"Recommendation {i + 1}.",
        )
        for i in range(recommendations)
    )
    items = tuple(m.Ref(r.id) for r in recs)
    routes = (
        m.MonitoringObligation(
            id=m.Id("m-npcc"),
            reporter=m.Ref("npcc"),
            on_behalf_of=m.Ref("chief-constables"),
            recipient=m.Ref("hmicfrs"),
            items=items,
            deadline=SIX_MONTHS,
        ),
        m.MonitoringObligation(
            id=m.Id("m-apcc"),
            reporter=m.Ref("apcc"),
            on_behalf_of=m.Ref("local-policing-bodies"),
            recipient=m.Ref("hmicfrs"),
            items=items,
            deadline=SIX_MONTHS,
        ),
    )
    responses: list[m.Response] = []
    for i, rec in enumerate(recs):
        for f, force in enumerate(forces):
            responses.append(
                m.Response(
                    id=m.Id(f"resp-{i}-{f}"),
                    responder=m.Ref(force),
                    sent=sc.PartialDate.from_date(PUBLISHED + dt.timedelta(days=(7 * i + f) % 400)),
                    items=(m.ItemResponse(item=m.Ref(rec.id), position=m.Position.ACCEPTED),),
                )
            )
        responses.append(
            m.Response(
                id=m.Id(f"apcc-{i}"),
                responder=m.Ref("apcc"),
                on_behalf_of=m.Ref("local-policing-bodies"),
                published=sc.PartialDate(2022, 4),
                in_reply_to=(m.Ref("m-apcc"),),
                items=(
                    m.ItemResponse(
                        item=m.Ref(rec.id),
                        member_outcomes=tuple(
                            m.MemberOutcome(member=m.Ref(b), position=m.Position.ACCEPTED) for b in lpbs
                        ),
                    ),
                ),
            )
        )
    case = m.CaseRecord(
        id=m.Id("bench"),
        complaint=m.Complaint(title="Benchmark", complainants=(m.Ref("hestia"),)),
        bodies=(m.Body(id=m.Id("hestia"), name="Hestia", kind=m.BodyKind.DESIGNATED_BODY),),
        report=m.Report(
            id=m.Id("report"),
            title="Benchmark report",
            published=sc.PartialDate.from_date(PUBLISHED),
            recommendations=recs,
            monitoring=routes,
        ),
    )
    return case, responses


def best_of(action: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    as_of = dt.date(2022, 6, 1)
    rows = []
    for scale in (1, 5, 25):
        case, responses = build(40 * scale)
        reversed_responses = list(reversed(responses))
        compiled = compile(case, *responses)
        found = obligations(compiled, as_of)
        states = {k.value: v for k, v in tally(found).items() if v}
        t_obligations = best_of(functools.partial(obligations, compiled, as_of), repeat=5)
        t_compile = best_of(functools.partial(compile, case, *reversed_responses), repeat=5)
        rows.append((scale, len(found), len(responses), t_obligations, t_compile, states))
    base = rows[0]
    header = ("scale", "obligations", "responses", "obligations()", "ratio", "us/each", "compile()", "ratio")
    print("{:>5} {:>11} {:>9} {:>14} {:>6} {:>8} {:>10} {:>6}".format(*header))
    for scale, count, n_responses, t_obl, t_comp, _ in rows:
        print(
            f"{scale:>5} {count:>11} {n_responses:>9} {t_obl:>13.3f}s {t_obl / base[3]:>6.1f}"
            f" {1e6 * t_obl / count:>8.1f} {t_comp:>9.3f}s {t_comp / base[4]:>6.1f}"
        )
    print("states at scale 1:", base[5])


if __name__ == "__main__":
    main()
