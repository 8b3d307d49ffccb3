#!/usr/bin/env python3
"""Detection and false-positive rates of the injection screening on a public corpus.

Assembles the corpus at run time (nothing fetched is committed), screens every value the way a
string field of a JSON body is screened (`validate::screen::text`, through the `screen_rates`
example), and prints the detection rate per class, the false-positive rate, and where the
misses and false positives are written for inspection. Sources, versions and licences:
docs/request-edge.md, "Measured rates".

    deploy/screening/rates.py               # builds the example with cargo (debug)
    deploy/screening/rates.py --show 20     # also print 20 misses / false positives per class

Attack lists come from public GitHub repositories at pinned commits. They are read, in order,
from the cache (.cache/screening/, git-ignored), from a local mirror
(SCREENING_MIRROR/<owner>+<name>/repo, a bare git directory), or, with SCREENING_CLONE=1,
cloned from GitHub; a source none of them has is reported and left out. The benign side needs no network: API field values
from the OpenAPI corpus in ../shared/openapi-corpus, code and prose from the Python standard
library of the interpreter running this script, and a short hand-written list of values that
look like attacks to naive filters.
"""

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import sysconfig
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "screening"
MIRROR = Path(os.environ.get("SCREENING_MIRROR", "/work/.mirror"))

PATT = ("swisskyrepo/PayloadsAllTheThings", "f9fa51417886ac11476cb62db2dff21773dc570b", "MIT")
LIBINJECTION = ("client9/libinjection", "e86ff4019a4343579cc307d96d79272d5efcd1be", "BSD-3-Clause")

# (class, repository, directory, files left out, how a line is decoded)
ATTACK_SOURCES = [
    ("sqli", PATT, "SQL Injection/Intruder", [], "percent"),
    # Lists of event-handler *names* (`onclick`) are vocabularies, not payloads.
    ("xss", PATT, "XSS Injection/Intruders",
     ["0xcela_event_handlers.txt", "port_swigger_xss_cheatsheet_event_handlers.txt"], "percent"),
    ("nosqli", PATT, "NoSQL Injection/Intruder", [], "percent"),
    # libinjection's own regression inputs (URL-encoded query input): the library was tuned on
    # them, so they measure the gateway's wiring and shortcuts more than the library.
    ("sqli-libinjection", LIBINJECTION, "data", ["!sqli-"], "form"),
]
BENIGN_GIT = [("benign-libinjection-fp", LIBINJECTION, "data/false_positives.txt", "form")]

# Values that naive filters refuse: names, arithmetic, markup-free prose, identifiers.
HAND_WRITTEN = [
    "O'Brien", "D'Angelo", "Renée O'Connor-Smith", "Ngũgĩ wa Thiong'o", "it's 5 o'clock",
    "5 < 10 and 10 > 5", "x >= 3 or y <= 2", "a=b", "1+1=2", "50% off", "100%",
    "Tom & Jerry", "rock 'n' roll", "\"quoted\" text", "C:\\Users\\alice", "/usr/local/bin",
    "https://example.com/search?q=union+select&page=2", "mailto:alice@example.com",
    "alice+tag@example.co.uk", "+1 (415) 555-0100", "2026-12-02T23:37:43Z", "#ff00aa",
    "SELECT your seat", "Please select an option from the list", "Drop-off point",
    "Delete my account, please", "I'd like to update my order", "where are you?",
    "JavaScript: The Good Parts", "data: 42", "javascript tutorial", "<3 thanks!",
    "{\"a\": 1, \"b\": [true, null]}", "[1, 2, 3]", "key=value; other=thing",
    "-- signature", "/* comment */", "#hashtag", "1; 2; 3", "a || b", "if (a && b) { c(); }",
    "price < 10 EUR", "x < y > z", "<-- back", "-->", "`code`", "${HOME}", "$100",
    "Robert'); is a funny name", "Mr. O'Neil's order #42", "order by date", "or else",
    "AND/OR", "1 OR 2 items", "Null", "None", "true", "e-mail", "select", "union",
]


def git_blob(repo, commit, path):
    """A file of a pinned commit: cache, then mirror, then a shallow clone."""
    owner_name = repo.replace("/", "+")
    cached = CACHE / f"{owner_name}@{commit[:12]}" / path
    if cached.exists():
        return cached.read_bytes()
    data = None
    mirror = MIRROR / owner_name / "repo"
    if mirror.exists():
        r = subprocess.run(["git", "--git-dir", str(mirror), "show", f"{commit}:{path}"],
                           capture_output=True)
        if r.returncode == 0:
            data = r.stdout
    if data is None and os.environ.get("SCREENING_CLONE") == "1":
        clone = CACHE / "clones" / owner_name
        if not clone.exists():
            clone.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["git", "clone", "--quiet", "--filter=blob:none", "--no-checkout",
                            f"https://github.com/{repo}.git", str(clone)], capture_output=True)
        r = subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"],
                           capture_output=True)
        if r.returncode == 0:
            data = r.stdout
    if data is None:
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data


def git_list(repo, commit, directory):
    owner_name = repo.replace("/", "+")
    listing = CACHE / f"{owner_name}@{commit[:12]}" / ".listing" / directory.replace("/", "+")
    if listing.exists():
        return listing.read_text().splitlines()
    for git in (MIRROR / owner_name / "repo", CACHE / "clones" / owner_name / ".git"):
        if git.exists():
            r = subprocess.run(["git", "--git-dir", str(git), "ls-tree", "--name-only",
                                f"{commit}:{directory}"], capture_output=True, text=True)
            if r.returncode == 0:
                names = r.stdout.splitlines()
                listing.parent.mkdir(parents=True, exist_ok=True)
                listing.write_text("\n".join(names))
                return names
    if os.environ.get("SCREENING_CLONE") == "1":
        git_blob(repo, commit, f"{directory}/.probe")  # clones the repository
        if (CACHE / "clones" / owner_name / ".git").exists():
            return git_list(repo, commit, directory)
    return []


# Lists whose notation differs from the rest of their directory: `\xNN` for a byte, or `+`
# for a space (URL query notation).
DECODE_BY_FILE = {"xss_alert.txt": "cescape", "xss_alert_identifiable.txt": "cescape",
                  "jsonp_endpoint.txt": "form"}


def decode(line, how):
    if how == "cescape":
        raw = re.sub(r"\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), line)
        return raw.encode("latin-1", "replace").decode("utf-8", "replace")
    if how == "form":
        return urllib.parse.unquote_plus(line)
    if how == "percent" and re.search(r"%[0-9A-Fa-f]{2}", line):
        return urllib.parse.unquote(line)
    return line


def lines_of(data, how):
    for raw in data.decode("utf-8", "replace").splitlines():
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        yield decode(line, how)


def attack_corpus(notes):
    out = []
    for cls, (repo, commit, _lic), directory, skip, how in ATTACK_SOURCES:
        names = git_list(repo, commit, directory)
        if not names:
            notes.append(f"source unavailable, left out: {repo}@{commit[:12]}:{directory}"
                         " (SCREENING_CLONE=1 clones it)")
            continue
        only = [s[1:] for s in skip if s.startswith("!")]
        for name in names:
            if name in skip or (only and not any(name.startswith(o) for o in only)):
                continue
            if directory == "data" and not name.endswith(".txt"):
                continue
            data = git_blob(repo, commit, f"{directory}/{name}")
            if data is None:
                notes.append(f"missing file, left out: {repo}:{directory}/{name}")
                continue
            for v in lines_of(data, DECODE_BY_FILE.get(name, how)):
                out.append({"label": cls, "set": cls, "source": name, "value": v})
                # Intruder lists are often suffixes appended to a parameter's value
                # (` ORDER BY 3--`, `) waitfor delay ...`): also measure them appended to `1`.
                if cls == "sqli":
                    out.append({"label": "sqli-appended", "set": "sqli-appended",
                                "source": name, "value": "1" + v})
    return out


def python_stdlib():
    """Code lines and docstrings of a fixed set of standard-library modules."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    modules = ["textwrap.py", "json/encoder.py", "json/decoder.py", "csv.py", "datetime.py",
               "email/utils.py", "urllib/parse.py", "html/__init__.py", "string.py",
               "shlex.py", "sqlite3/dump.py", "http/cookies.py", "argparse.py", "difflib.py"]
    code, prose = [], []
    for m in modules:
        p = stdlib / m
        if not p.exists():
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            s = line.strip()
            if len(s) >= 8 and not s.startswith("#"):
                code.append((m, s))
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
                d = ast.get_docstring(node)
                if d:
                    prose.append((m, d))
    return code, prose


def openapi_values(example_bin, notes):
    corpus = None
    for base in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (base / "openapi-corpus").is_dir():
            corpus = base / "openapi-corpus"
            break
    if corpus is None:
        notes.append("../shared/openapi-corpus not found: API field values left out")
        return []
    files = sorted(str(p) for p in corpus.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    r = subprocess.run([example_bin, "openapi", *files], capture_output=True, text=True,
                       check=True)
    return [json.loads(l) for l in r.stdout.split("\n") if l]


def benign_corpus(example_bin, notes):
    out = []
    for rec in openapi_values(example_bin, notes):
        out.append({"label": "benign", "set": f"benign-openapi-{rec['kind']}",
                    "source": rec["source"], "value": rec["value"]})
    code, prose = python_stdlib()
    out += [{"label": "benign", "set": "benign-python-code", "source": m, "value": v}
            for m, v in code]
    out += [{"label": "benign", "set": "benign-python-docstrings", "source": m, "value": v}
            for m, v in prose]
    for cls, (repo, commit, _lic), path, how in BENIGN_GIT:
        data = git_blob(repo, commit, path)
        if data is None:
            notes.append(f"source unavailable, left out: {repo}@{commit[:12]}:{path}")
            continue
        out += [{"label": "benign", "set": cls, "source": path, "value": v}
                for v in lines_of(data, how)]
    out += [{"label": "benign", "set": "benign-hand-written", "source": "rates.py", "value": v}
            for v in HAND_WRITTEN]
    return out


def dedupe(records):
    seen, out = set(), []
    for r in records:
        k = (r["set"], r["value"])
        if k not in seen and r["value"]:
            seen.add(k)
            out.append(r)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print N misses/false positives per set")
    ap.add_argument("--bin", help="a built screen_rates example (default: cargo build it)")
    args = ap.parse_args()

    if args.bin:
        example = args.bin
    else:
        subprocess.run(["cargo", "build", "-q", "-p", "gateway", "--example", "screen_rates"],
                       cwd=ROOT, check=True)
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        example = str(target / "debug" / "examples" / "screen_rates")

    notes = []
    records = dedupe(attack_corpus(notes) + benign_corpus(example, notes))
    feed = "".join(json.dumps(r) + "\n" for r in records)
    r = subprocess.run([example, "screen"], input=feed, capture_output=True, text=True,
                       check=True)
    judged = [json.loads(l) for l in r.stdout.split("\n") if l]

    report = CACHE / "report"
    report.mkdir(parents=True, exist_ok=True)
    by_set = {}
    for rec in judged:
        by_set.setdefault(rec["set"], []).append(rec)

    print(f"{'set':32} {'values':>7} {'flagged':>8} {'rate':>7}")
    totals = {}
    for name in sorted(by_set):
        recs = by_set[name]
        flagged = [x for x in recs if x["verdict"]]
        rate = 100.0 * len(flagged) / len(recs)
        print(f"{name:32} {len(recs):7} {len(flagged):8} {rate:6.2f}%")
        label = recs[0]["label"]
        t = totals.setdefault(label, [0, 0])
        t[0] += len(recs)
        t[1] += len(flagged)
        wrong = flagged if label == "benign" else [x for x in recs if not x["verdict"]]
        kind = "false-positives" if label == "benign" else "misses"
        with open(report / f"{name}.{kind}.jsonl", "w") as f:
            for x in wrong:
                f.write(json.dumps(x) + "\n")
        for x in wrong[: args.show]:
            print(f"    {kind[:-2] if kind.endswith('es') else kind}: "
                  f"[{x['source']}] {x['value'][:110]!r}"
                  + (f" -> {x['verdict']}" if x["verdict"] else ""))
    print()
    for label in sorted(totals):
        n, f = totals[label]
        what = "false-positive rate" if label == "benign" else "detection rate"
        print(f"{label:8} {what:20} {f}/{n} = {100.0 * f / n:.2f}%")
    for n in notes:
        print("note:", n, file=sys.stderr)
    print(f"misses and false positives: {report}/", file=sys.stderr)


if __name__ == "__main__":
    main()
