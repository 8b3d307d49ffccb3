#!/usr/bin/env python3
"""Summarise one fault scenario from the load client's log (deploy/faults/load.py).

usage: report.py NAME LOG T_FAULT T_HEAL [DETECT_S] [RECOVER_S] [AUDIT_PRODUCED] [AUDIT_DELIVERED] [NOTE]

Phases: before = [start, T_FAULT), during = [T_FAULT, T_HEAL), after = [T_HEAL, end).
A request belongs to the phase in which it started. Failures = no answer (status 0) or a
5xx; `stall` = the longest time during the run in which no request completed successfully.
Prints one table row (markdown) to stdout.
"""
import sys


def p99(xs):
    if not xs:
        return "-"
    xs = sorted(xs)
    v = xs[min(len(xs) - 1, int(0.99 * len(xs)))]
    return f"{v * 1000:.0f}ms" if v < 10 else f"{v:.1f}s"


def main():
    name, log, tf, th = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    rest = sys.argv[5:] + ["-"] * 6
    detect, recover, produced, delivered, note = rest[0], rest[1], rest[2], rest[3], rest[4]
    reqs = []
    with open(log) as f:
        for line in f:
            p = line.split()
            if len(p) == 3:
                reqs.append((float(p[0]), float(p[1]), int(p[2])))
    reqs.sort()
    phases = {"before": [], "during": [], "after": []}
    fails = 0
    no_answer = 0
    for t, lat, st in reqs:
        ph = "before" if t < tf else ("during" if t < th else "after")
        phases[ph].append(lat)
        if st == 0 or st >= 500:
            fails += 1
        if st == 0:
            no_answer += 1
    # Longest stretch without a successful completion (from the first request to the last).
    ok_ends = sorted(t + lat for t, lat, st in reqs if 0 < st < 500)
    stall = 0.0
    if reqs and ok_ends:
        prev = reqs[0][0]
        for e in ok_ends:
            stall = max(stall, e - prev)
            prev = e
    print(
        f"| {name} | {len(reqs)} | {fails} ({no_answer} unanswered) | "
        f"{p99(phases['before'])} / {p99(phases['during'])} / {p99(phases['after'])} | "
        f"{stall:.2f}s | {detect} | {recover} | {produced} / {delivered} | {note} |"
    )


if __name__ == "__main__":
    main()
