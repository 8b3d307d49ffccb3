#!/usr/bin/env python3
"""Independent oracle for the conformance runs (deploy/conformance/run.sh).

run.sh counts two kinds of disagreement between schemathesis and the gateway:
  - "wrongly refused":   a positive-mode request the gateway answered 4xx itself (no `x-echo`);
  - "wrongly forwarded": a negative-mode request that reached the echo upstream (`x-echo: 1`).
Many are not the gateway's fault (schemathesis's negative mode often only drops a credential of a
security scheme the run maps to `delegate`; the gateway screens for injection and control
characters as a policy beyond the OAS text). This script re-validates every disagreement request
against the served document with an independent validator, openapi-core, and sorts them:

  wrongly refused   (a) validator: invalid  -> the gateway is right by the document
                    (b) validator: valid    -> grouped by the gateway's problem type / errors[].rule
                                               (policy such as control-character or sql-injection,
                                               or a gateway bug) for a human to judge
  wrongly forwarded (a) validator: valid    -> valid by the document: only a delegated credential
                                               (or nothing) was negated
                    (b) validator: invalid  -> grouped by the validator's error kind, with examples
  either            (c) validator could not judge (unsupported by openapi-core, value masked in the
                        HAR by schemathesis's sanitizer, body not UTF-8 in the HAR, ...) + reason

Security requirements are ignored (the runs delegate authentication): the copy validated has
`security` removed globally and per operation. Its `servers` are replaced by relative ones (the
runs serve every document at the gateway's root), and header parameters named Accept,
Content-Type or Authorization are dropped (the OAS says such definitions SHALL be ignored).
Discriminator Objects are dropped, so JSON Schema alone decides (OAS 3.1.1 and later: the
discriminator MUST NOT change the validation outcome; openapi-core's 3.0 validator enforces it;
--keep-discriminator keeps them). Nothing else of the document changes.

Two validator limits corrected here: openapi-core reads `*json` media types other than
application/json as raw bytes (read as JSON here), and jsonschema's default `time` format is
draft 3's "%H:%M:%S", which refuses RFC 3339 "10:40:10Z" (the draft 2020-12 checker is used).
Known reading differences left to the human: openapi-core refuses an empty query value
(`?cursor=`) unless the parameter says `allowEmptyValue: true`, and reads `?expand=` for an array
as [""]; such kinds are labelled "empty value".

Dependency (not in the project's toolchain; install once, anywhere):
    python3 -m venv /tmp/judge-venv && /tmp/judge-venv/bin/pip install openapi-core

Usage:
    nice /tmp/judge-venv/bin/python deploy/conformance/judge.py RUN_DIR [RUN_DIR ...] [--examples N]

A RUN_DIR is one document's work directory of run.sh (KEEP_WORK=1 keeps them): it holds
openapi/<name>.json (the served copy, with `x-gateway`), positive.har and negative.har. A
directory without both HAR files (a run still in progress) is skipped. Per directory the script
prints a compact summary and writes RUN_DIR/judge.json (counts, groups with examples, and one
verdict per disagreement request, indexed into its HAR).
"""
from __future__ import annotations

import argparse
import base64
import collections
import copy
import glob
import json
import os
import re
import sys
from urllib.parse import parse_qsl, unquote, urlsplit

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
    from jsonschema_path import SchemaPath
    from werkzeug.datastructures import Headers, ImmutableMultiDict

    from openapi_core.datatypes import RequestParameters
    from openapi_core.deserializing.media_types.exceptions import MediaTypeDeserializeError
    from openapi_core.deserializing.media_types.util import json_loads
    from openapi_core.deserializing.styles.exceptions import (
        EmptyQueryParameterValue,
        ParameterDeserializeError,
    )
    from openapi_core.deserializing.exceptions import DeserializeError
    from openapi_core.casting.schemas.exceptions import CastError
    from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
    from openapi_core.templating.paths.exceptions import (
        OperationNotFound,
        PathError,
        PathNotFound,
        ServerNotFound,
    )
    from openapi_core.validation.request.exceptions import (
        InvalidRequestBody,
        MissingRequiredParameter,
        MissingRequiredRequestBody,
        ParameterValidationError,
        RequestBodyValidationError,
        SecurityValidationError,
    )
    from openapi_core.validation.request.validators import (
        V30RequestValidator,
        V31RequestValidator,
        V32RequestValidator,
    )
    from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
except ImportError as exc:  # pragma: no cover
    sys.exit(
        f"judge.py needs openapi-core ({exc}).\n"
        "  python3 -m venv /tmp/judge-venv && /tmp/judge-venv/bin/pip install openapi-core\n"
        "  /tmp/judge-venv/bin/python deploy/conformance/judge.py RUN_DIR ..."
    )

# jsonschema's default FormatChecker ends up with draft 3's `time` (strptime "%H:%M:%S"), which
# refuses RFC 3339 full-time such as "10:40:10Z" and accepts "10:40:10" without an offset; use
# the draft 2020-12 checker for `time`, as JSON Schema and the OAS define it.
FORMAT_FIXES = {"time": Draft202012Validator.FORMAT_CHECKER.checkers["time"][0]}

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
MASK = "[Filtered]"  # schemathesis's HAR sanitizer replacement
IGNORED_HEADER_PARAMS = {"accept", "content-type", "authorization"}


# --------------------------------------------------------------------------- output helpers
def clean(s, n=None):
    """Printable, JSON-safe, optionally shortened text (lone surrogates escaped)."""
    if s is None:
        return ""
    if not isinstance(s, str):
        s = repr(s)
    s = s.encode("utf-8", "backslashreplace").decode("utf-8")
    s = s.replace("\n", "\\n").replace("\r", "\\r")
    if n is not None and len(s) > n:
        s = s[: n - 1] + "…"
    return s


# --------------------------------------------------------------------------- the spec copy
def local_ref(doc, ref):
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return None
    node = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def param_of(doc, p, depth=0):
    while isinstance(p, dict) and "$ref" in p and depth < 20:
        p = local_ref(doc, p["$ref"])
        depth += 1
    return p if isinstance(p, dict) else None


def server_paths(doc):
    """Path parts of every declared server URL (variables at their defaults)."""
    servers = list(doc.get("servers") or [])
    for item in (doc.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        servers += item.get("servers") or []
        for m in METHODS:
            if isinstance(item.get(m), dict):
                servers += item[m].get("servers") or []
    out = []
    for s in servers:
        url = s.get("url", "") if isinstance(s, dict) else ""
        for k, v in ((s.get("variables") or {}) if isinstance(s, dict) else {}).items():
            url = url.replace("{" + k + "}", str((v or {}).get("default", "")))
        p = urlsplit(url).path.rstrip("/") if "://" in url else url.split("?")[0].rstrip("/")
        if p and p not in out and "{" not in p:
            out.append(p)
    return out


def strip_discriminators(node, in_properties=False):
    """Drop every Discriminator Object: JSON Schema alone decides (OAS 3.1.1+: the discriminator
    MUST NOT change the validation outcome; openapi-core's 3.0 validator enforces it and refuses,
    e.g., a oneOf member that matches by its own `enum` but lacks the discriminating property)."""
    if isinstance(node, dict):
        if not in_properties and isinstance(node.get("discriminator"), dict) and "propertyName" in node["discriminator"]:
            del node["discriminator"]
        for k, v in node.items():
            strip_discriminators(v, in_properties=(k in ("properties", "patternProperties") and not in_properties))
    elif isinstance(node, list):
        for v in node:
            strip_discriminators(v)


def judge_copy(doc, keep_discriminator=False):
    j = copy.deepcopy(doc)
    if not keep_discriminator:
        strip_discriminators(j)
    j.pop("security", None)
    j["servers"] = [{"url": "/"}] + [{"url": p} for p in server_paths(doc)]

    def prune(params):
        keep = []
        for p in params or []:
            r = param_of(doc, p)
            if r and r.get("in") == "header" and str(r.get("name", "")).lower() in IGNORED_HEADER_PARAMS:
                continue
            keep.append(p)
        return keep

    for item in (j.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        item.pop("servers", None)
        if "parameters" in item:
            item["parameters"] = prune(item["parameters"])
        for m in METHODS:
            op = item.get(m)
            if isinstance(op, dict):
                op.pop("security", None)
                op.pop("servers", None)
                if "parameters" in op:
                    op["parameters"] = prune(op["parameters"])
    return j


# --------------------------------------------------------------------------- openapi-core glue
class JsonishDeserializers(dict):
    """openapi-core knows application/json and application/vnd.api+json only; read every
    other `*json` media type (application/problem+json, application/merge-patch+json, ...) as
    JSON too, instead of as raw bytes."""

    def __contains__(self, mimetype):
        return isinstance(mimetype, str) and "json" in mimetype.lower()

    def __getitem__(self, mimetype):
        return json_loads


def make_validator(version):
    base = {"3.0": V30RequestValidator, "3.1": V31RequestValidator, "3.2": V32RequestValidator}.get(version)
    if base is None:
        return None

    class Judge(base):
        spec_validator_cls = None  # never refuse the document itself

        def iter_errors(self, request):
            try:
                path, operation, _, path_result, _ = self._find_path(request)
            except PathError as exc:
                yield exc
                return
            request.operation, request.path_item = operation, path
            request.template = path_result.pattern
            # openapi-core matches the raw path; a server sees path parameters percent-decoded
            request.parameters.path = {
                k: unquote(v, errors="surrogateescape") for k, v in (path_result.variables or {}).items()
            }
            yield from self._iter_errors(request, operation, path)

        def _find_path(self, request):
            # plain concatenation: urljoin would take a path starting with `//` for a host
            return self.path_finder.find(request.method, request.host_url + request.path)

    return Judge


class HarRequest:
    """An openapi-core request built from one HAR entry."""

    def __init__(self, entry, index=None):
        r = entry["request"]
        self.index = index
        parts = urlsplit(r["url"])
        self.host_url = f"{parts.scheme}://{parts.netloc}"
        self.path = parts.path or "/"
        self.method = r["method"].lower()
        self.url = r["url"]
        self.masked = set()  # (location, lowercased name) whose value the HAR sanitizer replaced
        self.operation = self.path_item = self.template = None

        query = parse_qsl(parts.query, keep_blank_values=True, errors="surrogateescape")
        for k, v in query:
            if v == MASK:
                # Query names are case-sensitive (`PageToken`), as `declared_params` keeps them.
                self.masked.add(("query", k))
        headers = [(h["name"], h["value"]) for h in r.get("headers") or []]
        for k, v in headers:
            if v == MASK:
                self.masked.add(("header", k.lower()))
        cookies = []
        self.cookies_masked = False
        for k, v in headers:
            if k.lower() == "cookie":
                if v == MASK:
                    self.cookies_masked = True
                    continue
                for part in v.split(";"):
                    if "=" in part:
                        ck, cv = part.split("=", 1)
                        cookies.append((ck.strip(), cv.strip()))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query),
            header=Headers(headers),
            cookie=ImmutableMultiDict(cookies),
        )
        self.header_names = {k.lower() for k, _ in headers}
        self.query_names = {k for k, _ in query}
        self.cookie_names = {k for k, _ in cookies}

        ct = next((v for k, v in headers if k.lower() == "content-type"), None)
        pd = r.get("postData")
        self.body_lossy = False
        if pd is None or pd.get("text") is None:
            self.body = None
            self.body_text = ""
        else:
            text = pd["text"]
            if pd.get("encoding") == "base64":
                self.body = base64.b64decode(text)
            else:
                self.body = text.encode("utf-8", "surrogatepass")
                size = r.get("bodySize")
                # schemathesis writes bodies with decode("utf-8", "replace"): U+FFFD plus a size
                # mismatch means the bytes sent were not UTF-8 and are lost
                if "\ufffd" in text and isinstance(size, int) and size >= 0 and size != len(self.body):
                    self.body_lossy = True
            self.body_text = self.body.decode("utf-8", "backslashreplace")
            ct = ct or pd.get("mimeType")
        self.content_type = ct or "application/octet-stream"


# --------------------------------------------------------------------------- error description
def schema_error(isv):
    """-> (kind, message, instance path of the most relevant error)."""
    errs = list(isv.schema_errors or [])
    if not errs:
        return "schema", clean(str(isv), 160), ""
    e = best_match(errs) or errs[0]
    top = errs[0]
    where = "/".join(str(p) for p in e.absolute_path)
    msg = f"{where + ': ' if where else ''}{e.message}"
    return f"schema {top.validator}", clean(msg, 160), where


def describe(err):
    """-> (kind, location key or None, message). kind groups errors; message is one example."""
    if isinstance(err, PathNotFound):
        return "path not in the document", None, clean(str(err), 160)
    if isinstance(err, OperationNotFound):
        return "method not in the document", None, clean(str(err), 160)
    if isinstance(err, ServerNotFound):
        return "no server/base path matches", None, clean(str(err), 160)
    if isinstance(err, SecurityValidationError):
        return "security (should not happen)", None, clean(str(err), 160)
    if isinstance(err, ParameterValidationError):
        loc = (err.location, err.name.lower() if err.location in ("header",) else err.name)
        where = f"{err.location}.{err.name}"
        if isinstance(err, MissingRequiredParameter):
            return f"{where}: missing required", loc, f"missing required {err.location} parameter {err.name}"
        cause = err.__cause__
        if isinstance(cause, InvalidSchemaValue):
            kw, msg, _ = schema_error(cause)
            return f"{where}: {kw}", loc, f"{where}: {msg}"
        if isinstance(cause, EmptyQueryParameterValue):
            return f"{where}: empty value (allowEmptyValue not set)", loc, f"{where}: empty value"
        if isinstance(cause, CastError):
            return f"{where}: not of type {cause.type}", loc, clean(f"{where}: {cause}", 160)
        if isinstance(cause, (ParameterDeserializeError, DeserializeError)):
            return f"{where}: cannot deserialize ({type(cause).__name__})", loc, clean(f"{where}: {cause}", 160)
        return f"{where}: {type(cause).__name__ if cause else type(err).__name__}", loc, clean(
            f"{where}: {cause or err}", 160)
    if isinstance(err, MissingRequiredRequestBody):
        return "body: missing required body", ("body", ""), "missing required request body"
    if isinstance(err, RequestBodyValidationError):
        cause = err.__cause__
        if isinstance(cause, MediaTypeNotFound):
            return "body: content type not declared", ("body", ""), clean(str(cause), 160)
        if isinstance(cause, MediaTypeDeserializeError):
            return f"body: not parseable as {cause.mimetype}", ("body", ""), f"body is not valid {cause.mimetype}"
        if isinstance(cause, InvalidSchemaValue):
            kw, msg, at = schema_error(cause)
            return f"body: {kw}", ("body", at), f"body: {msg}"
        if isinstance(cause, CastError):
            return f"body: not of type {cause.type}", ("body", ""), clean(f"body: {cause}", 160)
        return f"body: {type(cause).__name__ if cause else type(err).__name__}", ("body", ""), clean(
            f"body: {cause or err}", 160)
    return type(err).__name__, None, clean(str(err), 160)


def body_unmappable(err):
    """True when openapi-core could not map the body to the schema at all: it stayed bytes (no
    deserializer for the media type) or an XML element (openapi-core does not map XML)."""
    if not isinstance(err, InvalidRequestBody):
        return None
    cause = err.__cause__
    if isinstance(cause, InvalidSchemaValue):
        if isinstance(cause.value, (bytes, bytearray)):
            return "openapi-core reads this media type as raw bytes (no deserializer)"
        if type(cause.value).__name__ == "Element":
            return "openapi-core does not map XML bodies to a schema"
    if isinstance(cause, MediaTypeDeserializeError) and "xml" in cause.mimetype:
        return None  # malformed XML is a real verdict
    return None


def undeserializable(req, kind, loc):
    """openapi-core cannot deserialize `deepObject` query parameters nor form bodies with
    `deepObject` members (Stripe's `expand[]=`, `created[gt]=`, `card[number]=`): its
    DeserializeError there says nothing about the request."""
    if not loc:
        return None
    form = any(t in (req.content_type or "") for t in ("x-www-form-urlencoded", "multipart/form-data"))
    if loc[0] == "body" and form and ("DeserializeError" in kind or "not of type object" in kind):
        return "openapi-core cannot deserialize this form body (deepObject members, repeated keys)"
    if "DeserializeError" not in kind:
        return None
    if loc[0] == "query":
        for holder in (req.operation, req.path_item):
            if holder is None or "parameters" not in holder:
                continue
            for prm in holder / "parameters":
                try:
                    if (prm / "name").read_str() == loc[1] and (prm / "style").read_str() == "deepObject":
                        return "openapi-core cannot deserialize deepObject query parameters"
                except Exception:
                    continue
    return None


def lossy_only_in_binary_parts(req):
    """A multipart body whose lost (non-UTF-8) bytes all sit in parts the schema declares
    `format: binary` (or, in 3.1, with a contentMediaType/contentEncoding): any bytes are valid
    there, so the lossy copy judges as the original would."""
    mt, _, params = req.content_type.partition(";")
    if mt.strip().lower() != "multipart/form-data" or req.operation is None:
        return False
    m = re.search(r'boundary="?([^";]+)"?', params, re.I)
    if not m or "requestBody" not in req.operation:
        return False
    try:
        content = req.operation / "requestBody" / "content"
        media = content / next(k for k in content.keys() if k.lower().startswith("multipart/form-data"))
        props = media / "schema" / "properties"
    except Exception:
        return False
    text = req.body.decode("utf-8", "replace")
    for part in text.split("--" + m.group(1)):
        if "\ufffd" not in part:
            continue
        head, _, _ = part.partition("\r\n\r\n")
        if "\ufffd" in head:
            return False
        n = re.search(r'name="([^"]*)"', head)
        if not n or n.group(1) not in props:
            return False
        prop = props / n.group(1)
        items = prop / "items" if "items" in prop else prop
        if not (items.get("format") in ("binary",) or "contentMediaType" in items or "contentEncoding" in items):
            return False
    return True


def declared_params(req):
    """(location, name) of the matched operation's declared parameters (refs resolved)."""
    out = set()
    for holder in (req.operation, req.path_item):
        if holder is None or "parameters" not in holder:
            continue
        for p in holder / "parameters":
            try:
                loc, name = (p / "in").read_str(), (p / "name").read_str()
            except Exception:
                continue
            out.add((loc, name.lower() if loc == "header" else name))
    return out


# --------------------------------------------------------------------------- security context
def security_state(doc, req):
    """For a forwarded request the validator found valid: was a delegated credential there?"""
    if req.template is None:
        return "unknown operation"
    op = ((doc.get("paths") or {}).get(req.template) or {}).get(req.method) or {}
    reqs = op.get("security", doc.get("security"))
    if not reqs or any(not r for r in reqs):
        return "operation needs no credential"
    schemes = (doc.get("components") or {}).get("securitySchemes") or {}

    def present(name):
        s = schemes.get(name) or {}
        t = s.get("type")
        if t == "apiKey":
            where, n = s.get("in"), s.get("name", "")
            if where == "header":
                return n.lower() in req.header_names
            if where == "query":
                return n in req.query_names
            if where == "cookie":
                return True if req.cookies_masked else n in req.cookie_names
        if t in ("http", "oauth2", "openIdConnect"):
            return "authorization" in req.header_names
        return True  # mutualTLS etc.: not visible in a request

    if any(all(present(n) for n in r) for r in reqs):
        return "credential present (a mutated credential, or nothing, was negated)"
    return "credential of a delegated scheme absent"


# --------------------------------------------------------------------------- judging
def judge_entry(validator, doc, entry, index=None):
    """-> dict(verdict=valid|invalid|unjudged, kind, message, errors, reason, req)."""
    req = HarRequest(entry, index)
    if validator is None:
        return dict(verdict="unjudged", reason=f"unsupported document version {doc.get('openapi') or doc.get('swagger')}",
                    req=req)
    try:
        errors = list(validator.iter_errors(req))
    except Exception as exc:  # openapi-core limits (unsupported constructs) must not stop the run
        return dict(verdict="unjudged", reason=clean(f"validator raised {type(exc).__name__}: {exc}", 120), req=req)

    if req.body_lossy and lossy_only_in_binary_parts(req):
        req.body_lossy = False
    declared = declared_params(req)
    masked = {m for m in req.masked if m in declared}
    if req.cookies_masked:
        masked |= {d for d in declared if d[0] == "cookie"}
    kept, reasons = [], []
    for e in errors:
        kind, loc, msg = describe(e)
        if loc and loc[0] == "query" and not kind.endswith("(allowEmptyValue not set)"):
            vals = req.parameters.query.getlist(loc[1])
            if vals and all(v == "" for v in vals):
                kind = f"query.{loc[1]}: empty value, {kind.split(': ', 1)[1]}"
        if loc in masked:
            reasons.append(f"{loc[0]} parameter {loc[1]} masked as {MASK} in the HAR")
            continue
        why = body_unmappable(e) or undeserializable(req, kind, loc)
        if why:
            reasons.append(f"{why}: {req.content_type.split(';')[0]}")
            continue
        if req.body_lossy and loc and loc[0] == "body":
            reasons.append("body was not UTF-8: the HAR keeps it lossily")
            continue
        kept.append((kind, msg, loc))
    if kept:
        return dict(verdict="invalid", kind=kept[0][0], message=kept[0][1], errors=kept, req=req)
    if not reasons:
        if masked:
            reasons.append("declared parameter(s) " + ", ".join(f"{a}.{b}" for a, b in sorted(masked))
                           + f" masked as {MASK} in the HAR")
        if req.body_lossy:
            reasons.append("body was not UTF-8: the HAR keeps it lossily")
    if reasons:
        return dict(verdict="unjudged", reason=reasons[0], req=req)
    return dict(verdict="valid", req=req)


def same_place(errors, ptrs):
    """Index of the first validator error about a part the gateway's problem points at; False:
    none is; None: the problem points at nothing."""
    if not ptrs:
        return None
    for i, (_, _, loc) in enumerate(errors):
        if loc is None:
            continue
        where, name = loc
        for p in ptrs:
            seg = p.split("/")
            if len(seg) < 2 or seg[1] != where:
                continue
            if where == "body":
                # instance paths: one a prefix of the other; the gateway writes `~` for a key
                a = [unquote(x).replace("~1", "/").replace("~0", "~") if x != "~" else None for x in seg[2:]]
                b = name.split("/") if name else []
                if all(x is None or x == y for x, y in zip(a, b)):
                    return i
            elif len(seg) < 3 or unquote(seg[2]).lower() == str(name).lower():
                return i
    return False


def gateway_problem(entry):
    try:
        t = json.loads(entry["response"]["content"].get("text") or "{}")
    except Exception:
        t = {}
    if not isinstance(t, dict):
        t = {}
    errs = [x for x in t.get("errors") or [] if isinstance(x, dict)]
    rules = ",".join(sorted({str(x.get("rule", "")) for x in errs})) or "-"
    ptrs = sorted({str(x.get("pointer", "")) for x in errs if x.get("pointer")})
    return str(t.get("type", "")) or f"status {entry['response']['status']} (no problem type)", rules, ptrs


def echoed(entry):
    return any(h["name"].lower() == "x-echo" for h in entry["response"]["headers"])


def example(req, extra=None, n_url=110, n_body=80):
    path = req.url.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else path
    ex = {"method": req.method.upper(), "url": clean(path, n_url), "har_index": req.index}
    if req.body is not None:
        ex["body"] = clean(req.body_text, n_body)
    if extra:
        ex.update(extra)
    return ex


def fmt_example(ex):
    s = f"{ex['method']} {ex['url']}"
    if "body" in ex:
        s += f"  body {ex['body']!r}" if len(ex["body"]) < 60 else f"  body {ex['body']}"
    for k in ("pointer", "message", "note"):
        if ex.get(k):
            s += f"  [{ex[k]}]"
    return s


class Groups:
    def __init__(self, limit):
        self.count = collections.Counter()
        self.examples = collections.defaultdict(list)
        self.seen = collections.defaultdict(set)
        self.limit = limit

    def add(self, key, ex):
        self.count[key] += 1
        sig = (ex["method"], ex["url"], ex.get("body"))
        if len(self.examples[key]) < self.limit and sig not in self.seen[key]:
            self.seen[key].add(sig)
            self.examples[key].append(ex)

    def total(self):
        return sum(self.count.values())

    def as_json(self):
        return [{"group": k, "count": n, "examples": self.examples[k]} for k, n in self.count.most_common()]


def load_har(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["log"]["entries"]


def judge_dir(d, n_examples, max_groups, keep_discriminator=False):
    docs = sorted(glob.glob(os.path.join(d, "openapi", "*.json")))
    if not docs:
        print(f"== {d}: no openapi/*.json, skipped")
        return None
    if not (os.path.exists(os.path.join(d, "positive.har")) and os.path.exists(os.path.join(d, "negative.har"))):
        print(f"== {d}: positive.har/negative.har not both there (run in progress?), skipped")
        return None
    doc_path = docs[0]
    name = os.path.splitext(os.path.basename(doc_path))[0]
    with open(doc_path, encoding="utf-8") as f:
        doc = json.load(f)
    version = str(doc.get("openapi", ""))[:3]
    Validator = make_validator(version)
    spec = SchemaPath.from_dict(judge_copy(doc, keep_discriminator), base_uri="file://" + os.path.abspath(doc_path))
    validator = Validator(spec, extra_media_type_deserializers=JsonishDeserializers(),
                          extra_format_validators=FORMAT_FIXES) if Validator else None
    try:
        pos, neg = load_har(os.path.join(d, "positive.har")), load_har(os.path.join(d, "negative.har"))
    except (ValueError, KeyError) as exc:
        print(f"== {d}: a HAR file is not complete JSON yet (run in progress?): {exc}; skipped")
        return None
    refused = [(i, e) for i, e in enumerate(pos) if not echoed(e) and 400 <= e["response"]["status"] < 500]
    forwarded = [(i, e) for i, e in enumerate(neg) if echoed(e)]

    G = lambda: Groups(n_examples)  # noqa: E731
    r_invalid, r_valid, r_unjudged = G(), G(), G()
    f_valid, f_invalid, f_unjudged = G(), G(), G()
    schemes = set(((doc.get("components") or {}).get("securitySchemes") or {}))
    cred_names = set()
    for s in ((doc.get("components") or {}).get("securitySchemes") or {}).values():
        if isinstance(s, dict) and s.get("type") == "apiKey":
            cred_names.add(f"/{s.get('in')}/{s.get('name', '')}".lower())
        elif isinstance(s, dict):
            cred_names.add("/header/authorization")
    verdicts = []

    for i, e in refused:
        v = judge_entry(validator, doc, e, i)
        req = v["req"]
        ptype, rules, ptrs = gateway_problem(e)
        rec = {"har": "positive", "index": i, "status": e["response"]["status"], "gateway": f"{ptype} {rules}",
               "verdict": v["verdict"]}
        if v["verdict"] == "invalid":
            same = same_place(v["errors"], ptrs)
            kind, msg = v["kind"], v["message"]
            if same is not None and same is not False:
                kind, msg, _ = v["errors"][same]
            where = ("validator flags the part the gateway flagged" if same is not None and same is not False else
                     "validator flags another part (the gateway's own reason may be a policy)" if same is False else
                     "gateway names no part")
            r_invalid.add(f"{where}: {kind}",
                          example(req, {"message": msg, "pointer": f"gateway: {rules} at {','.join(ptrs) or '-'}"}))
            rec["validator"] = v["message"]
            rec["kinds"] = sorted({k for k, _, _ in v["errors"]})
        elif v["verdict"] == "valid":
            note = "pointer at a security credential (validator ignores security)" if any(
                p.lower() in cred_names for p in ptrs) else ""
            r_valid.add(f"{ptype} / {rules}", example(req, {"pointer": ",".join(ptrs), "note": note}))
        else:
            r_unjudged.add(v["reason"], example(req, {"pointer": ",".join(ptrs)}))
            rec["reason"] = v["reason"]
        verdicts.append(rec)

    for i, e in forwarded:
        v = judge_entry(validator, doc, e, i)
        req = v["req"]
        rec = {"har": "negative", "index": i, "verdict": v["verdict"]}
        if v["verdict"] == "valid":
            state = security_state(doc, req) if schemes or doc.get("security") else "document declares no security"
            f_valid.add(state, example(req))
            rec["security"] = state
        elif v["verdict"] == "invalid":
            f_invalid.add(v["kind"], example(req, {"message": v["message"]}))
            rec["validator"] = v["message"]
            rec["kinds"] = sorted({k for k, _, _ in v["errors"]})
        else:
            f_unjudged.add(v["reason"], example(req))
            rec["reason"] = v["reason"]
        verdicts.append(rec)

    # ----------------------------------------------------------------- print
    out = []
    p = out.append
    p(f"== {name}  ({d})  OAS {doc.get('openapi')}; sent {len(pos)} positive + {len(neg)} negative")

    def block(title, groups, show_examples=n_examples):
        if not groups.total():
            return
        p(f"   {title}: {groups.total()}")
        rows = groups.count.most_common()
        for k, c in rows[:max_groups]:
            p(f"      {c:5d}  {clean(k, 150)}")
            for ex in groups.examples[k][:show_examples]:
                p(f"               {fmt_example(ex)}")
        if len(rows) > max_groups:
            rest = sum(c for _, c in rows[max_groups:])
            p(f"      {rest:5d}  … in {len(rows) - max_groups} more groups (judge.json)")

    p(f"  wrongly refused: {len(refused)}")
    block("(a) validator also says invalid: the gateway is right by the document", r_invalid, 1)
    block("(b) validator says valid: gateway problem type / rules, for a human (policy or bug)", r_valid)
    block("(c) validator could not judge", r_unjudged, 1)
    p(f"  wrongly forwarded: {len(forwarded)}")
    block("(a) valid by the document: only a delegated credential or nothing was negated", f_valid, 0)
    block("(b) validator says invalid: by error kind, for a human to judge", f_invalid)
    block("(c) validator could not judge", f_unjudged, 1)
    print("\n".join(out), flush=True)

    summary = {
        "document": name,
        "dir": os.path.abspath(d),
        "openapi": doc.get("openapi"),
        "sent": {"positive": len(pos), "negative": len(neg)},
        "wrongly_refused": {
            "total": len(refused),
            "validator_invalid": {"count": r_invalid.total(), "groups": r_invalid.as_json()},
            "validator_valid": {"count": r_valid.total(), "groups": r_valid.as_json()},
            "unjudged": {"count": r_unjudged.total(), "groups": r_unjudged.as_json()},
        },
        "wrongly_forwarded": {
            "total": len(forwarded),
            "validator_valid": {"count": f_valid.total(), "groups": f_valid.as_json()},
            "validator_invalid": {"count": f_invalid.total(), "groups": f_invalid.as_json()},
            "unjudged": {"count": f_unjudged.total(), "groups": f_unjudged.as_json()},
        },
        "requests": verdicts,
    }
    with open(os.path.join(d, "judge.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=True)
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", help="run.sh work directories (one per document)")
    ap.add_argument("--examples", type=int, default=3, help="examples per group (default 3)")
    ap.add_argument("--groups", type=int, default=12, help="groups printed per bucket (default 12)")
    ap.add_argument("--keep-discriminator", action="store_true",
                    help="let openapi-core enforce discriminators (default: JSON Schema alone decides)")
    a = ap.parse_args()
    rows = []
    for d in a.dirs:
        s = judge_dir(d.rstrip("/"), a.examples, a.groups, a.keep_discriminator)
        if s:
            wr, wf = s["wrongly_refused"], s["wrongly_forwarded"]
            rows.append((s["document"], wr["total"], wr["validator_invalid"]["count"], wr["validator_valid"]["count"],
                         wr["unjudged"]["count"], wf["total"], wf["validator_valid"]["count"],
                         wf["validator_invalid"]["count"], wf["unjudged"]["count"]))
        print()
    if len(rows) > 1:
        print(f"{'document':24s} {'refused':>8s} {'r:inval':>8s} {'r:valid':>8s} {'r:?':>5s}"
              f" {'forwarded':>10s} {'f:valid':>8s} {'f:inval':>8s} {'f:?':>5s}")
        for r in rows:
            print(f"{r[0]:24s} {r[1]:8d} {r[2]:8d} {r[3]:8d} {r[4]:5d} {r[5]:10d} {r[6]:8d} {r[7]:8d} {r[8]:5d}")


if __name__ == "__main__":
    main()
