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

A second, independent oracle (OAS 3.0 documents; the section "second oracle" below) judges what
openapi-core cannot: `style: deepObject` query parameters (openapi-core reads one bracket level
of a plain object and nothing else), `application/x-www-form-urlencoded` bodies (members encoded
`deepObject` per the media type's `encoding`) and XML bodies (openapi-core does not map XML onto
a schema). It decodes those parts in plain Python following the OAS 3.0.3 text, coerces string
leaves to the declared types, and validates with jsonschema's Draft 4 validator. The
openapi-core-alone verdicts are printed and stored unchanged; a second set ("with the second
oracle") takes the second oracle's verdict for the parts it owns and openapi-core's for the
rest, and adds a fourth verdict, "reading not defined by OAS" (nested brackets, deepObject
arrays, a bare `p=v` for a deepObject member, XML mixed content or a differing root name, …),
judged under the gateway's documented reading and never counted as the gateway's fault by
itself. Gateway-fault candidates are listed for a human: refused but valid (rules other than
the documented policies in POLICY_RULES), forwarded but invalid, and requests the gateway
treated against its own documented reading. --no-second-oracle: openapi-core alone.

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
        self.query_pairs = query
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


# =========================================================================== second oracle
# openapi-core cannot deserialize `style: deepObject` query parameters (it reads one bracket
# level of an object and nothing else), form bodies whose members are encoded `deepObject`, nor
# map XML bodies onto their schema. The second oracle decodes exactly those parts in plain
# Python, following the OAS 3.0.3 text, coerces the string leaves to the types the schema
# declares, and validates the result with `jsonschema`'s Draft 4 validator (OAS 3.0 schemas are
# a Draft 4/5 dialect: `nullable` becomes `anyOf [null, …]`, OAS-only keywords are dropped,
# readOnly members leave `required`).
#
# What the OAS text defines, and nothing more, is judged as valid/invalid:
#   - deepObject (Parameter Object, "Style Values" and "Style Examples"): "Provides a simple way
#     of rendering nested objects using form parameters", shown only for an object whose
#     members are primitives, one bracket level: `color[R]=100&color[G]=200`. Primitives and
#     arrays are "n/a" for deepObject in the style-examples table.
#   - form bodies ("Support for x-www-form-urlencoded Request Bodies", Encoding Object): each
#     property is serialized like a query parameter with the style/explode its `encoding` entry
#     gives (default `form`, explode true: an array is the repeated key).
#   - XML (XML Object): a property is the element named `xml.name` (default the property name),
#     or an attribute when `xml.attribute`; an array's items are elements named by the items'
#     `xml.name` (default the property name), inside one wrapping element when `xml.wrapped`.
# Where a request needs a reading the text does not define, the request is classified
# "reading not defined by OAS", named by the construct, and judged under the gateway's
# documented reading (docs/specs.md: deepObject reads `f[a][b]=1`, `f[]=x`, `f[0]=x`, building
# arrays only where the schema declares one; docs/validation.md for XML):
N_ARRAY = "deepObject for an array (`p[]=v`, `p[0]=v`, repeated `p[a]`): OAS defines deepObject for objects only"
N_NESTED = "nested brackets (`p[a][b]=v`): OAS deepObject defines one level"
N_EMPTY_TOK = "empty brackets `p[]=v` where the schema declares no array"
N_DUP = "the same deepObject key twice for a non-array member"
N_BARE_Q = ("`p=v` without brackets for a deepObject query parameter (deepObject is n/a for a primitive); "
            "the gateway reads it as the value, or one item of an array (since dd3ce04; it used to ignore it)")
N_BARE_F = "`p=v` without brackets for a form member encoded deepObject (deepObject is n/a for a primitive)"
N_BADKEY = ("a key `p[…` whose brackets do not parse (a member name holding `[` or `]`): OAS defines no escaping; "
            "the gateway reads it as a literal key (an undeclared member or query parameter)")
N_XML_ROOT = "XML root element name differs from the schema's xml.name (OAS names properties, the root only by example)"
N_XML_TEXT = "XML text content inside an element whose schema is an object (mixed content)"
N_XML_DUP = "an XML element repeated for a non-array property"
N_XML_ROOT_ARRAY = "XML body whose schema is an array at the root (wrapping not defined for the root)"

OAS_ONLY = {"discriminator", "xml", "externalDocs", "example", "deprecated", "readOnly", "writeOnly", "nullable"}
INT_RE = re.compile(r"-?[0-9]+")
NUM_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")
DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
DATETIME_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-]([0-9]{2}):([0-9]{2}))")
BYTE_RE = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def oas_format_checker():
    """The formats OAS 3.0.3's data-type table defines with a checkable grammar (int32, int64,
    byte, date, date-time: RFC 3339); float, double, binary and password, and every other
    format (Stripe's unix-time, decimal), are annotations."""
    import datetime
    from jsonschema import FormatChecker

    fc = FormatChecker(formats=())

    def bounded(lo, hi):
        def check(x):
            if isinstance(x, bool) or not isinstance(x, (int, float)):
                return True
            return lo <= x <= hi
        return check

    def calendar(m):
        """The year, month and day of a date or date-time match form a real date."""
        try:
            datetime.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return False
        return True

    def date(x):
        if not isinstance(x, str):
            return True
        m = DATE_RE.fullmatch(x)
        return bool(m) and calendar(m)

    def date_time(x):
        if not isinstance(x, str):
            return True
        m = DATETIME_RE.fullmatch(x)
        if not m or not calendar(m):
            return False
        if int(m[4]) > 23 or int(m[5]) > 59 or int(m[6]) > 60:
            return False
        return m[9] is None or (int(m[9]) <= 23 and int(m[10]) <= 59)

    fc.checks("int32")(bounded(-2**31, 2**31 - 1))
    fc.checks("int64")(bounded(-2**63, 2**63 - 1))
    fc.checks("date")(date)
    fc.checks("date-time")(date_time)
    fc.checks("byte")(lambda x: not isinstance(x, str) or BYTE_RE.fullmatch(x) is not None)
    return fc


class XmlStop(Exception):
    pass


class Leaf:
    """A string from the wire whose JSON type the schema decides (`schemas`: where it sits)."""
    __slots__ = ("raw", "schemas")

    def __init__(self, raw, schemas):
        self.raw, self.schemas = raw, schemas


class Part:
    """One part the second oracle judges (a deepObject query parameter, or the body): its
    errors, and where the OAS text does not define the reading, the constructs met (`notes`)
    and the members they concern (`undef`: top-level member names, "*" for the whole part)."""

    def __init__(self, where):
        self.where = where          # ("query", name) or ("body", "")
        self.notes = set()
        self.undef = set()
        self.errors = []            # (kind, message, at, keyword)
        self.unjudged = None        # reason
        self.bare_alt = None        # a bare deepObject query value, read as the value, is invalid: why

    def note(self, label, member=None):
        self.notes.add(label)
        self.undef.add(member if member else "*")

    def error(self, kind, msg, at="", keyword=""):
        self.errors.append((kind, msg, at, keyword))

    def judged(self):
        """-> (defined errors, errors under the gateway's reading only), as (kind, message, loc)."""
        label = "body" if self.where[0] == "body" else f"{self.where[0]}.{self.where[1]}"
        defined, undefined = [], []
        for kind, msg, at, kw in self.errors:
            loc = ("body", at) if self.where[0] == "body" else self.where
            e = (f"{label}: {kind}", clean(f"{label}{'/' + at if at else ''}: {msg}", 160), loc)
            in_undef = any(at == m or at.startswith(m + "/") for m in self.undef)
            if "*" in self.undef or in_undef or (
                    not at and self.undef and kw in ("anyOf", "oneOf", "allOf", "not")):
                undefined.append(e)
            else:
                defined.append(e)
        return defined, undefined


class Oas30Oracle:
    def __init__(self, doc):
        self.doc = doc
        comps = doc.get("components") or {}
        self.schemas = {k: self.convert(v) for k, v in (comps.get("schemas") or {}).items()}
        self.fc = oas_format_checker()
        self._validators = {}

    # ------------------------------------------------------------------ schemas
    def deref(self, s):
        for _ in range(50):
            if isinstance(s, dict) and "$ref" in s:
                s = local_ref(self.doc, s["$ref"])
            else:
                break
        return s if isinstance(s, dict) else {}

    def ref_name(self, s):
        """The component name a (possibly chained) `$ref` ends at, for the XML root name."""
        name = None
        for _ in range(50):
            if isinstance(s, dict) and isinstance(s.get("$ref"), str):
                name = s["$ref"].rsplit("/", 1)[-1]
                s = local_ref(self.doc, s["$ref"])
            else:
                break
        return name

    def convert(self, s):
        """OAS 3.0 Schema Object → Draft 4 JSON Schema."""
        if isinstance(s, bool):
            return s
        if not isinstance(s, dict):
            return {}
        if "$ref" in s:
            return {"$ref": s["$ref"]}  # OAS 3.0: a Reference Object's siblings are ignored
        out = {}
        for k, v in s.items():
            if k in OAS_ONLY or k.startswith("x-"):
                continue
            if k == "properties" and isinstance(v, dict):
                out[k] = {n: self.convert(p) for n, p in v.items()}
            elif k in ("items", "not"):
                out[k] = self.convert(v)
            elif k == "additionalProperties":
                out[k] = v if isinstance(v, bool) else self.convert(v)
            elif k in ("allOf", "anyOf", "oneOf") and isinstance(v, list):
                out[k] = [self.convert(x) for x in v]
            else:
                out[k] = v
        if isinstance(out.get("required"), list) and isinstance(s.get("properties"), dict):
            # readOnly: "SHOULD NOT be sent as part of the request … required will take effect on
            # the response only"
            ro = {n for n, p in s["properties"].items() if self.deref(p).get("readOnly") is True}
            if ro:
                out["required"] = [r for r in out["required"] if r not in ro]
        if s.get("nullable") is True:
            out = {"anyOf": [{"type": "null"}, out]}
        return out

    def validator(self, s):
        key = id(s)
        hit = self._validators.get(key)
        if hit is None:
            from jsonschema import Draft4Validator

            root = self.convert(s)
            root = dict(root) if isinstance(root, dict) else ({} if root else {"not": {}})
            root["components"] = {"schemas": self.schemas}  # `#/components/schemas/…` resolves here
            hit = self._validators[key] = (s, Draft4Validator(root, format_checker=self.fc))
        return hit[1]

    def kinds(self, schemas, depth=0):
        """Declared types (through $ref and allOf/anyOf/oneOf), in order; `properties` counts
        as object, `items` as array."""
        out = []
        for s in schemas:
            s = self.deref(s)
            t = s.get("type")
            for x in ([t] if isinstance(t, str) else t if isinstance(t, list) else []):
                if x not in out:
                    out.append(x)
            if t is None and "properties" in s and "object" not in out:
                out.append("object")
            if t is None and "items" in s and "array" not in out:
                out.append("array")
            if depth < 16:
                for k in ("allOf", "anyOf", "oneOf"):
                    for x in self.kinds([b for b in s.get(k) or [] if isinstance(b, dict)], depth + 1):
                        if x not in out:
                            out.append(x)
        return out

    def is_array(self, schemas):
        k = self.kinds(schemas)
        return "array" in k and "object" not in k

    def child(self, schemas, key, depth=0):
        """Subschemas for member `key` (or the items for None), over every branch."""
        out = []
        for s in schemas:
            s = self.deref(s)
            if key is None:
                if isinstance(s.get("items"), dict):
                    out.append(s["items"])
            else:
                props = s.get("properties") or {}
                if key in props:
                    out.append(props[key])
                elif isinstance(s.get("additionalProperties"), dict):
                    out.append(s["additionalProperties"])
            if depth < 16:
                for k in ("allOf", "anyOf", "oneOf"):
                    out += self.child([b for b in s.get(k) or [] if isinstance(b, dict)], key, depth + 1)
        return out

    def properties(self, schemas, depth=0):
        """name -> [subschemas] of the declared properties, over every branch."""
        out = {}
        for s in schemas:
            s = self.deref(s)
            for n, p in (s.get("properties") or {}).items():
                out.setdefault(n, []).append(p)
            if depth < 16:
                for k in ("allOf", "anyOf", "oneOf"):
                    for n, ps in self.properties([b for b in s.get(k) or [] if isinstance(b, dict)], depth + 1).items():
                        out.setdefault(n, []).extend(ps)
        return out

    def candidates(self, leaf):
        """The JSON values a wire string can stand for at this place: the declared primitive
        types it parses as (integer, number, boolean), then the string itself when the schema
        allows a string or says nothing about primitives."""
        raw, kinds = leaf.raw, self.kinds(leaf.schemas)
        typed = []
        for k in kinds:
            if k == "integer" and INT_RE.fullmatch(raw):
                typed.append(int(raw))
            elif k == "number" and NUM_RE.fullmatch(raw):
                typed.append(int(raw) if INT_RE.fullmatch(raw) else float(raw))
            elif k == "boolean" and raw in ("true", "false"):
                typed.append(raw == "true")
        out = []
        for v in typed:
            if not any(type(v) is type(o) and v == o for o in out):
                out.append(v)
        if "string" in kinds or not any(k in ("integer", "number", "boolean") for k in kinds) or not out:
            out.append(raw)
        return out

    def validate(self, schema, tree, part, at_prefix=""):
        """Validate a decoded tree (Leaf objects at the wire strings): valid when some choice of
        typed readings of its leaves is valid (at most 256 combinations tried)."""
        leaves = []

        def collect(n):
            if isinstance(n, Leaf):
                leaves.append(n)
            elif isinstance(n, dict):
                for v in n.values():
                    collect(v)
            elif isinstance(n, list):
                for v in n:
                    collect(v)

        collect(tree)
        cands = [self.candidates(l) for l in leaves]
        total = 1
        for c in cands:
            total *= len(c)
        v = self.validator(schema)

        def build(choice):
            it = iter(choice)

            def go(n):
                if isinstance(n, Leaf):
                    return next(it)
                if isinstance(n, dict):
                    return {k: go(x) for k, x in n.items()}
                if isinstance(n, list):
                    return [go(x) for x in n]
                return n
            return go(tree)

        import itertools
        first_errors = None
        for i, choice in enumerate(itertools.product(*cands)):
            if i >= 256:
                break
            errs = list(v.iter_errors(build(choice)))
            if not errs:
                return True
            if first_errors is None:
                first_errors = errs
        best = best_match(first_errors) or first_errors[0]
        for e in [best] + [e for e in first_errors if e is not best]:
            where = "/".join(str(p) for p in e.absolute_path)
            at = "/".join(x for x in (at_prefix, where) if x)
            if e.validator == "additionalProperties" and isinstance(e.instance, dict) and isinstance(e.schema, dict):
                # one error per unexpected member, at that member (so a member read by a reading
                # OAS does not define is told apart from one it does)
                props = e.schema.get("properties") or {}
                pats = list((e.schema.get("patternProperties") or {}).keys())
                extras = [k for k in e.instance if k not in props and not any(re.search(p_, k) for p_ in pats)]
                for k in extras or [""]:
                    part.error("schema additionalProperties", e.message if not extras else
                               f"additional property {clean(k, 60)!r} is not allowed", "/".join(x for x in (at, k) if x),
                               "additionalProperties")
                continue
            part.error(f"schema {e.validator}", e.message, at, e.validator)
        return False

    # ------------------------------------------------------------------ deepObject
    @staticmethod
    def brackets(key):
        """`name[a][b]` → ("name", ["a", "b"]); None when the key has no well-formed brackets."""
        i = key.find("[")
        if i <= 0:
            return None
        name, rest, toks = key[:i], key[i:], []
        while rest:
            if not rest.startswith("["):
                return None
            j = rest.find("]")
            if j < 0:
                return None
            tok = rest[1:j]
            if "[" in tok:
                return None
            toks.append(tok)
            rest = rest[j + 1:]
        return name, toks

    def put(self, schemas, node, toks, raw, notes):
        """The gateway's documented reading of one bracket path: arrays only where the schema
        declares one (`[]` appends, `[n]` addresses item n, at most one past the end), objects
        otherwise. -> (node, structural error or None)."""
        arr = self.is_array(schemas)
        if not toks:
            if arr:
                notes.add(N_ARRAY)
                node = [] if node is None else node
                if not isinstance(node, list):
                    return node, "style"
                node.append(Leaf(raw, self.child(schemas, None)))
                return node, None
            if node is not None:
                notes.add(N_DUP)
                return node, "duplicate key"
            return Leaf(raw, schemas), None
        tok, rest = toks[0], toks[1:]
        if arr:
            notes.add(N_ARRAY)
            node = [] if node is None else node
            if not isinstance(node, list):
                return node, "style"
            if tok == "":
                i = len(node)
            elif INT_RE.fullmatch(tok) and not tok.startswith("-"):
                i = int(tok)
                if i > len(node):
                    return node, "array index skips an item"
            else:
                return node, "non-numeric index on an array"
            if i == len(node):
                node.append(None)
            node[i], err = self.put(self.child(schemas, None), node[i], rest, raw, notes)
            return node, err
        if tok == "":
            notes.add(N_EMPTY_TOK)
            return node, "empty brackets on a non-array"
        node = {} if node is None else node
        if not isinstance(node, dict):
            return node, "style"
        node[tok], err = self.put(self.child(schemas, tok), node.get(tok), rest, raw, notes)
        return node, err

    def deep_value(self, name, schema, pairs, part, bare, member=None):
        """Every pair of deepObject `name` (bracket paths; a bare `name=v` is ignored, as the
        gateway does in a query, or, in a form, read the way the gateway reads a form field:
        one value, or the repeated field of an array). `member`: the body member it fills (None:
        a query parameter). -> (present, tree or None); structural errors go to `part`."""
        node, present, notes, bares = None, False, set(), []
        for k, v in pairs:
            err = None
            if k == name:
                if bare == "ignore":
                    notes.add(N_BARE_Q)
                else:
                    notes.add(N_BARE_F)
                    present = True
                    bares.append(v)
                continue
            b = self.brackets(k)
            if not b or b[0] != name:
                continue
            present = True
            if len(b[1]) > 1:
                notes.add(N_NESTED)
            node, err = self.put([schema], node, b[1], v, notes)
            if err:
                break
        else:
            err = None
            if bares:
                kinds = self.kinds([schema])
                if node is None and len(bares) == 1 and kinds != ["array"]:
                    node = Leaf(bares[0], [schema])
                elif "array" in kinds and (node is None or isinstance(node, list)):
                    node = (node or []) + [Leaf(x, self.child([schema], None)) for x in bares]
                else:
                    notes.add(N_DUP)
                    err, k = "repeated field for a non-array member", name
        for n in notes:
            part.note(n, member)
        if err:
            part.error(f"deepObject: {err}", f"{err} at key {clean(k, 60)!r}", member or "")
            return present, None
        return present, node

    # ------------------------------------------------------------------ requests
    def op_params(self, path_item, op):
        out = {}
        for p in (path_item.get("parameters") or []) + (op.get("parameters") or []):
            p = param_of(self.doc, p)
            if p and p.get("name") is not None:
                out[(p.get("in"), p["name"])] = p
        return list(out.values())

    def query_part(self, p, pairs, masked_names):
        name = p["name"]
        part = Part(("query", name))
        mine = [(k, v) for k, v in pairs if k == name or (self.brackets(k) or ("",))[0] == name]
        if any(v == MASK for _, v in mine) or name in masked_names:
            part.unjudged = f"query parameter {name} masked as {MASK} in the HAR"
            return part
        if p.get("explode") is False:
            part.unjudged = "deepObject with explode: false (not defined by OAS)"
            return part
        schema = p.get("schema") or {}
        if any(k.startswith(name + "[") and not self.brackets(k) for k, _ in pairs):
            part.note(N_BADKEY)  # not this parameter's key for the gateway: an undeclared one
        # The gateway's reading since dd3ce04: a bare `p=v` is the value (or one array item),
        # as for a form member encoded deepObject.
        present, tree = self.deep_value(name, schema, mine, part, bare="value")
        if N_BARE_F in part.notes:
            part.notes.discard(N_BARE_F)
            part.notes.add(N_BARE_Q)
        if part.errors:
            return part
        if not present:
            if p.get("required"):
                part.error("missing required", f"missing required query parameter {name}")
            return part
        self.validate(schema, tree, part)
        return part

    def form_part(self, text, schema, encoding):
        part = Part(("body", ""))
        pairs = parse_qsl(text, keep_blank_values=True, errors="surrogateescape")
        enc = {k: (v if isinstance(v, dict) else {}) for k, v in (encoding or {}).items()}

        def style(n):
            return (enc.get(n) or {}).get("style", "form")

        obj = {}
        done = set()
        for k, v in pairs:
            b = self.brackets(k)
            if not b and "[" in k and style(k.split("[", 1)[0]) == "deepObject" and k.split("[", 1)[0] in enc:
                part.note(N_BADKEY, k)  # read literally below, as the gateway does
            if b and b[0] in enc and style(b[0]) == "deepObject":
                if b[0] in done:
                    continue
                done.add(b[0])
                sub = self.child([schema], b[0])
                mine = [(x, y) for x, y in pairs if x == b[0] or (self.brackets(x) or ("",))[0] == b[0]]
                present, tree = self.deep_value(b[0], {"allOf": sub} if len(sub) != 1 else sub[0], mine, part, bare="value",
                                                member=b[0])
                if part.errors:
                    return part
                obj[b[0]] = tree
                continue
            if k in enc and style(k) == "deepObject":
                if k in done:
                    continue
                done.add(k)
                sub = self.child([schema], k)
                mine = [(x, y) for x, y in pairs if x == k or (self.brackets(x) or ("",))[0] == k]
                present, tree = self.deep_value(k, {"allOf": sub} if len(sub) != 1 else sub[0], mine, part, bare="value",
                                                member=k)
                if part.errors:
                    return part
                obj[k] = tree
                continue
            ct = (enc.get(k) or {}).get("contentType", "")
            if "json" in ct and "style" not in (enc.get(k) or {}):
                try:
                    val = json.loads(v)
                except ValueError:
                    part.error("member not JSON", f"member {k} declared {ct} is not JSON", k, "contentType")
                    return part
                obj[k] = val
                continue
            sub = self.child([schema], k)
            if (enc.get(k) or {}).get("explode") is False or style(k) in ("spaceDelimited", "pipeDelimited"):
                part.unjudged = f"form member {k} with style {style(k)}/explode false (not decoded by the second oracle)"
                return part
            # form, explode true (the default): an array is the repeated key
            if k in obj:
                if isinstance(obj[k], list):
                    obj[k].append(Leaf(v, self.child(sub, None)))
                else:
                    obj[k] = [obj[k], Leaf(v, self.child(sub, None) if self.is_array(sub) else [])]
            elif self.is_array(sub):
                obj[k] = [Leaf(v, self.child(sub, None))]
            else:
                obj[k] = Leaf(v, sub)
        self.validate(schema, obj, part)
        return part

    def xml_name(self, s, default):
        x = self.deref(s).get("xml")
        return x.get("name", default) if isinstance(x, dict) else default

    def xml_value(self, el, schemas, part, ptr, top):
        """Map element `el` onto `schemas` the way the XML Object describes. `ptr`: its instance
        path; `top`: the body member it belongs to (None: the root). Structural errors raise
        XmlStop after being recorded in `part`."""
        local = lambda t: t.rsplit("}", 1)[-1]  # noqa: E731
        join = lambda *a: "/".join(x for x in a if x)  # noqa: E731
        kinds = self.kinds(schemas)
        children = list(el)
        text = el.text or ""

        def stop(kind, msg, at, note=None):
            if note:
                part.note(note, top)
            part.error(kind, msg, at, "xml")
            raise XmlStop()

        if "object" in kinds or (not kinds and (children or el.attrib)):
            obj = {}
            used = set()
            props = self.properties(schemas)
            for pname, ps in props.items():
                p0 = self.deref(ps[0])
                xo = p0.get("xml") if isinstance(p0.get("xml"), dict) else {}
                xname = xo.get("name", pname)
                sub_top = top or pname
                if xo.get("attribute") is True:
                    for an, av in el.attrib.items():
                        if local(an) == xname:
                            obj[pname] = Leaf(av, ps)
                            used.add(("@", an))
                    continue
                if self.is_array(ps):
                    items = self.child(ps, None)
                    iname = self.xml_name(items[0], xname) if items else xname
                    vals, present = [], False
                    if xo.get("wrapped") is True:
                        wraps = [c for c in children if local(c.tag) == xname]
                        if len(wraps) > 1:
                            stop("duplicate element", f"element <{xname}> repeated", join(ptr, pname), N_XML_DUP)
                        for w in wraps:
                            used.add(id(w))
                            present = True
                            if (w.text or "").strip() or w.attrib:
                                stop("text or attributes on an array wrapper", f"<{xname}> carries text or attributes",
                                     join(ptr, pname))
                            for c in w:
                                if local(c.tag) != iname:
                                    stop("undeclared element in an array wrapper",
                                         f"<{local(c.tag)}> inside <{xname}>", join(ptr, pname))
                                vals.append(self.xml_value(c, items, part, join(ptr, pname, str(len(vals))), sub_top))
                    else:
                        for c in children:
                            if local(c.tag) == iname:
                                used.add(id(c))
                                present = True
                                vals.append(self.xml_value(c, items, part, join(ptr, pname, str(len(vals))), sub_top))
                    if present:
                        obj[pname] = vals
                    continue
                mine = [c for c in children if local(c.tag) == xname]
                if len(mine) > 1:
                    stop("duplicate element", f"element <{xname}> repeated", join(ptr, pname), N_XML_DUP)
                for c in mine:
                    used.add(id(c))
                    obj[pname] = self.xml_value(c, ps, part, join(ptr, pname), sub_top)
            for c in children:
                if id(c) in used:
                    continue
                n = local(c.tag)
                v = self.xml_value(c, [], part, join(ptr, n), top or n)
                if n in obj and n not in props:
                    obj[n] = (obj[n] if isinstance(obj[n], list) else [obj[n]]) + [v]
                elif n in obj:
                    stop("duplicate element", f"element <{n}> repeated", join(ptr, n), N_XML_DUP)
                else:
                    obj[n] = v
            for an, av in el.attrib.items():
                if ("@", an) not in used:
                    obj.setdefault(local(an), Leaf(av, []))
            if text.strip() or any((c.tail or "").strip() for c in children):
                part.note(N_XML_TEXT, top)
                obj["#text"] = Leaf(text, [])
            return obj
        if "array" in kinds and (children or not text.strip()):
            items = self.child(schemas, None)
            return [self.xml_value(c, items, part, join(ptr, str(i)), top) for i, c in enumerate(children)]
        if children or el.attrib:
            # structure where the schema wants a primitive: an object, which the schema refuses
            out = {local(c.tag): self.xml_value(c, [], part, join(ptr, local(c.tag)), top) for c in children}
            out.update({local(a): Leaf(v, []) for a, v in el.attrib.items()})
            return out
        return Leaf(text, schemas)

    def xml_part(self, body, schema):
        import xml.etree.ElementTree as ET

        part = Part(("body", ""))
        try:
            root = ET.fromstring(body)
        except ET.ParseError as exc:
            part.error("not well-formed XML", f"body is not well-formed XML ({exc})", "", "xml")
            return part
        if self.is_array([schema]):
            part.note(N_XML_ROOT_ARRAY)
        want = self.xml_name(schema, self.ref_name(schema))
        if want and root.tag.rsplit("}", 1)[-1] != want:
            part.note(N_XML_ROOT)
        try:
            tree = self.xml_value(root, [schema], part, "", None)
        except XmlStop:
            return part
        self.validate(schema, tree, part)
        return part

    def judge(self, req):
        """-> list of Parts for the parts of `req` this oracle owns (deepObject query
        parameters; form and XML bodies); [] when it owns none."""
        if req.template is None:
            return []
        item = (self.doc.get("paths") or {}).get(req.template) or {}
        op = item.get(req.method) or {}
        parts = []
        pairs = req.query_pairs
        masked = {n for (w, n) in req.masked if w == "query"}
        for p in self.op_params(item, op):
            if p.get("in") == "query" and p.get("style") == "deepObject":
                parts.append(self.query_part(p, pairs, masked))
        mt = body_media(req)
        if mt in ("form", "xml"):
            rb = op.get("requestBody")
            rb = param_of(self.doc, rb) if rb else None
            content = (rb or {}).get("content") or {}
            essence = req.content_type.split(";")[0].strip().lower()
            media = content.get(essence)
            if media is None:
                return parts  # an undeclared media type: openapi-core's verdict stands
            part = Part(("body", ""))
            if req.body is None or req.body == b"":
                if rb.get("required"):
                    part.error("missing required body", "missing required request body")
                parts.append(part)
                return parts
            if req.body_lossy:
                part.unjudged = "body was not UTF-8: the HAR keeps it lossily"
                parts.append(part)
                return parts
            schema = media.get("schema")
            if not isinstance(schema, dict):
                parts.append(part)
                return parts
            if mt == "form":
                parts.append(self.form_part(req.body.decode("utf-8", "surrogateescape"), schema, media.get("encoding")))
            else:
                parts.append(self.xml_part(req.body, schema))
        return parts


def body_media(req):
    essence = req.content_type.split(";")[0].strip().lower()
    if essence == "application/x-www-form-urlencoded":
        return "form"
    if essence.endswith("/xml") or essence.endswith("+xml"):
        return "xml"
    return None


def oracle2_verdict(parts):
    """The second oracle's verdict on its parts of one request:
    invalid   - a part is invalid where the OAS text defines the reading;
    unjudged  - a part could not be judged (masked value, lossy body, a style not decoded);
    undefined - the reading needed is not defined by OAS (`notes`); `gateway_reading` is the
                verdict under the gateway's documented reading;
    valid     - every part is valid by the OAS reading."""
    defined, undefined = [], []
    for p in parts:
        d, u = p.judged()
        defined += d
        undefined += u
    notes = sorted({n for p in parts for n in p.notes})
    unj = [p.unjudged for p in parts if p.unjudged]
    bare_alt = [p.bare_alt for p in parts if p.bare_alt]
    if defined:
        return dict(verdict="invalid", errors=defined, notes=notes)
    if unj:
        return dict(verdict="unjudged", reason=unj[0], errors=[], notes=notes)
    if notes:
        return dict(verdict="undefined", errors=undefined, notes=notes,
                    gateway_reading="invalid" if undefined else "valid", bare_alt=bare_alt)
    return dict(verdict="valid", errors=[], notes=[])


# --------------------------------------------------------------------------- judging
def judge_entry(validator, doc, entry, index=None, oracle=None):
    """-> dict(verdict=valid|invalid|unjudged, kind, message, errors, reason, req): openapi-core
    alone; with `oracle`, also `combined`: the same shape (verdict may also be `undefined`),
    where the second oracle judges the parts it owns (deepObject query parameters, form and
    XML bodies) and openapi-core the rest, and `cross`: (openapi-core's view of those parts,
    the second oracle's verdict) when both looked at them."""
    req = HarRequest(entry, index)
    if validator is None:
        return dict(verdict="unjudged", reason=f"unsupported document version {doc.get('openapi') or doc.get('swagger')}",
                    req=req)
    raised = None
    try:
        errors = list(validator.iter_errors(req))
    except Exception as exc:  # openapi-core limits (unsupported constructs) must not stop the run
        raised = clean(f"validator raised {type(exc).__name__}: {exc}", 120)
        errors = []

    if req.body_lossy and lossy_only_in_binary_parts(req):
        req.body_lossy = False
    declared = declared_params(req)
    masked = {m for m in req.masked if m in declared}
    if req.cookies_masked:
        masked |= {d for d in declared if d[0] == "cookie"}
    annotated = []  # (kind, message, loc, reason it says nothing or None)
    for e in errors:
        kind, loc, msg = describe(e)
        if loc and loc[0] == "query" and not kind.endswith("(allowEmptyValue not set)"):
            vals = req.parameters.query.getlist(loc[1])
            if vals and all(v == "" for v in vals):
                kind = f"query.{loc[1]}: empty value, {kind.split(': ', 1)[1]}"
        if loc in masked:
            annotated.append((kind, msg, loc, f"{loc[0]} parameter {loc[1]} masked as {MASK} in the HAR"))
            continue
        why = body_unmappable(e) or undeserializable(req, kind, loc)
        if why:
            annotated.append((kind, msg, loc, f"{why}: {req.content_type.split(';')[0]}"))
            continue
        if req.body_lossy and loc and loc[0] == "body":
            annotated.append((kind, msg, loc, "body was not UTF-8: the HAR keeps it lossily"))
            continue
        annotated.append((kind, msg, loc, None))

    def verdict(annotated, masked, lossy):
        kept = [(k, m, l) for k, m, l, why in annotated if not why]
        reasons = [why for _, _, _, why in annotated if why]
        if kept:
            return dict(verdict="invalid", kind=kept[0][0], message=kept[0][1], errors=kept, req=req)
        if not reasons:
            if masked:
                reasons.append("declared parameter(s) " + ", ".join(f"{a}.{b}" for a, b in sorted(masked))
                               + f" masked as {MASK} in the HAR")
            if lossy:
                reasons.append("body was not UTF-8: the HAR keeps it lossily")
        if reasons:
            return dict(verdict="unjudged", reason=reasons[0], req=req)
        return dict(verdict="valid", req=req)

    v = dict(verdict="unjudged", reason=raised, req=req) if raised else verdict(annotated, masked, req.body_lossy)
    if oracle is None:
        return v
    try:
        parts = oracle.judge(req)
    except Exception as exc:  # the oracle's own limits must not stop the run
        parts = [Part(("body", ""))]
        parts[0].unjudged = clean(f"second oracle raised {type(exc).__name__}: {exc}", 120)
    if not parts:
        v["combined"] = {k: x for k, x in v.items() if k != "combined"}
        return v
    owned = {p.where for p in parts}

    def is_owned(loc):
        return bool(loc) and ((loc[0] == "query" and ("query", loc[1]) in owned) or (loc[0] == "body" and ("body", "") in owned))

    o2 = oracle2_verdict(parts)
    mine = [a for a in annotated if is_owned(a[2])]
    if not raised:
        oc_view = ("invalid" if any(not a[3] for a in mine) else "unjudged" if mine or any(
            m in owned for m in masked) or (req.body_lossy and ("body", "") in owned) else "valid")
        v["cross"] = (oc_view, o2["verdict"], mine[0][1] if mine else "", (o2["errors"] or [("", "", None)])[0][1])
    if raised:
        c = (dict(verdict="invalid", kind=o2["errors"][0][0], message=o2["errors"][0][1], errors=o2["errors"], req=req)
             if o2["verdict"] == "invalid" else dict(verdict="unjudged", reason=raised, req=req))
    else:
        c = verdict([a for a in annotated if not is_owned(a[2])], {m for m in masked if m not in owned},
                    req.body_lossy and ("body", "") not in owned)
        if o2["verdict"] == "invalid":
            errs = c.get("errors", []) + o2["errors"]
            c = dict(verdict="invalid", kind=errs[0][0], message=errs[0][1], errors=errs, req=req)
        elif c["verdict"] == "invalid":
            pass
        elif o2["verdict"] == "unjudged":
            c = dict(verdict="unjudged", reason=o2["reason"], req=req)
        elif c["verdict"] == "unjudged":
            pass
        elif o2["verdict"] == "undefined":
            c = dict(verdict="undefined", notes=o2["notes"], gateway_reading=o2["gateway_reading"],
                     errors=o2["errors"], message=(o2["errors"] or [("", "", None)])[0][1], req=req,
                     bare_alt=o2.get("bare_alt") or [])
    c["oracle2"] = True
    v["combined"] = c
    return v


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


# The gateway's documented policies beyond the OAS text (docs/specs.md "Conformance runs",
# docs/security.md, docs/request-edge.md, docs/validation.md): a refusal naming only these
# rules is a policy, not a reading of the document.
POLICY_RULES = {"control-character", "encoded-separator", "double-encoding", "sql-injection", "nosql-injection",
                "xss", "empty-value", "ambiguous-separator", "underscore-header", "byte-order-mark"}


def is_policy(ptype, rules):
    """Whether a refusal names only documented policies: its errors[].rule values, or, for a
    problem without errors (control-character, encoded-separator, double-encoding), its type."""
    rs = {r for r in rules.split(",") if r and r != "-"} or {ptype.rsplit(":", 1)[-1]}
    return rs <= POLICY_RULES


def judge_dir(d, n_examples, max_groups, keep_discriminator=False, second=True):
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
    # The second oracle reads OAS 3.0 schemas (Draft 4 dialect); 3.1 documents keep openapi-core alone.
    oracle = Oas30Oracle(doc) if second and version == "3.0" else None
    try:
        pos, neg = load_har(os.path.join(d, "positive.har")), load_har(os.path.join(d, "negative.har"))
    except (ValueError, KeyError) as exc:
        print(f"== {d}: a HAR file is not complete JSON yet (run in progress?): {exc}; skipped")
        return None
    refused = [(i, e) for i, e in enumerate(pos) if not echoed(e) and 400 <= e["response"]["status"] < 500]
    forwarded = [(i, e) for i, e in enumerate(neg) if echoed(e)]

    G = lambda: Groups(n_examples)  # noqa: E731
    schemes = set(((doc.get("components") or {}).get("securitySchemes") or {}))
    cred_names = set()
    for s in ((doc.get("components") or {}).get("securitySchemes") or {}).values():
        if isinstance(s, dict) and s.get("type") == "apiKey":
            cred_names.add(f"/{s.get('in')}/{s.get('name', '')}".lower())
        elif isinstance(s, dict):
            cred_names.add("/header/authorization")
    verdicts = []

    class Buckets:
        def __init__(self):
            self.r = {k: G() for k in ("invalid", "valid", "undefined", "unjudged")}
            self.f = {k: G() for k in ("valid", "invalid", "undefined", "unjudged")}
            self.faults = G()

    alone, both = Buckets(), Buckets()
    cross = collections.Counter()
    cross_diff = G()

    def refused_into(b, v, e, req, rec, tag):
        ptype, rules, ptrs = gateway_problem(e)
        if v["verdict"] == "invalid":
            same = same_place(v["errors"], ptrs)
            kind, msg = v["kind"], v["message"]
            if same is not None and same is not False:
                kind, msg, _ = v["errors"][same]
            where = ("validator flags the part the gateway flagged" if same is not None and same is not False else
                     "validator flags another part (the gateway's own reason may be a policy)" if same is False else
                     "gateway names no part")
            b.r["invalid"].add(f"{where}: {kind}",
                               example(req, {"message": msg, "pointer": f"gateway: {rules} at {','.join(ptrs) or '-'}"}))
            rec[tag + "validator"] = v["message"]
            rec[tag + "kinds"] = sorted({k for k, _, _ in v["errors"]})
        elif v["verdict"] == "valid":
            note = "pointer at a security credential (validator ignores security)" if any(
                p.lower() in cred_names for p in ptrs) else ""
            key = f"{ptype} / {rules}"
            if tag:
                key = ("policy: " if is_policy(ptype, rules) else "NOT a documented policy: ") + key
                if not is_policy(ptype, rules):
                    b.faults.add(f"refused, valid by the OAS reading: {ptype} / {rules}",
                                 example(req, {"pointer": ",".join(ptrs), "note": note}))
            b.r["valid"].add(key, example(req, {"pointer": ",".join(ptrs), "note": note}))
        elif v["verdict"] == "undefined":
            gw = v["gateway_reading"]
            b.r["undefined"].add(f"{gw} under the gateway's reading | {'; '.join(v['notes'])} | gateway: "
                                 f"{ptype.rsplit(':', 1)[-1]} / {rules}",
                                 example(req, {"pointer": f"gateway: {rules} at {','.join(ptrs) or '-'}",
                                               "message": v.get("message")}))
            rec[tag + "notes"] = v["notes"]
            rec[tag + "gateway_reading"] = gw
            if gw == "valid" and not is_policy(ptype, rules):
                b.faults.add(f"refused, reading not defined by OAS but valid under the gateway's own documented "
                             f"reading: {ptype} / {rules} | {'; '.join(v['notes'])}",
                             example(req, {"pointer": ",".join(ptrs)}))
        else:
            b.r["unjudged"].add(v["reason"], example(req, {"pointer": ",".join(ptrs)}))
            rec[tag + "reason"] = v["reason"]

    def forwarded_into(b, v, req, rec, tag):
        if v["verdict"] == "valid":
            state = security_state(doc, req) if schemes or doc.get("security") else "document declares no security"
            b.f["valid"].add(state, example(req))
            rec[tag + "security"] = state
        elif v["verdict"] == "invalid":
            b.f["invalid"].add(v["kind"], example(req, {"message": v["message"]}))
            rec[tag + "validator"] = v["message"]
            rec[tag + "kinds"] = sorted({k for k, _, _ in v["errors"]})
            if tag:
                b.faults.add(f"forwarded, invalid by the OAS reading: {v['kind']}", example(req, {"message": v["message"]}))
        elif v["verdict"] == "undefined":
            gw = v["gateway_reading"]
            b.f["undefined"].add(f"{gw} under the gateway's reading | {'; '.join(v['notes'])}",
                                 example(req, {"message": v.get("message")}))
            rec[tag + "notes"] = v["notes"]
            rec[tag + "gateway_reading"] = gw
            if v.get("bare_alt"):
                b.faults.add("forwarded with a bare `p=v` for a deepObject query parameter: the gateway ignores the value "
                             "(neither validated nor screened); read as the value, as the gateway reads a form member, it "
                             "is invalid", example(req, {"message": v["bare_alt"][0]}))
                rec[tag + "bare_alt"] = v["bare_alt"][0]
            if gw == "invalid":
                b.faults.add(f"forwarded, reading not defined by OAS but invalid under the gateway's own documented "
                             f"reading: {(v['errors'] or [('?',)])[0][0]} | {'; '.join(v['notes'])}",
                             example(req, {"message": v.get("message")}))
        else:
            b.f["unjudged"].add(v["reason"], example(req))
            rec[tag + "reason"] = v["reason"]

    def crossed(v, req, rec):
        if "cross" not in v:
            return
        oc, o2, ocm, o2m = v["cross"]
        cross[(oc, o2)] += 1
        rec["cross"] = [oc, o2]
        if {oc, o2} == {"valid", "invalid"}:
            cross_diff.add(f"openapi-core {oc}, second oracle {o2}",
                           example(req, {"message": f"openapi-core: {ocm or '-'} / second oracle: {o2m or '-'}"}))

    for i, e in refused:
        v = judge_entry(validator, doc, e, i, oracle)
        ptype, rules, ptrs = gateway_problem(e)
        rec = {"har": "positive", "index": i, "status": e["response"]["status"], "gateway": f"{ptype} {rules}",
               "verdict": v["verdict"]}
        refused_into(alone, v, e, v["req"], rec, "")
        if oracle is not None:
            rec["combined"] = v["combined"]["verdict"]
            refused_into(both, v["combined"], e, v["req"], rec, "combined_")
            crossed(v, v["req"], rec)
        verdicts.append(rec)

    for i, e in forwarded:
        v = judge_entry(validator, doc, e, i, oracle)
        rec = {"har": "negative", "index": i, "verdict": v["verdict"]}
        forwarded_into(alone, v, v["req"], rec, "")
        if oracle is not None:
            rec["combined"] = v["combined"]["verdict"]
            forwarded_into(both, v["combined"], v["req"], rec, "combined_")
            crossed(v, v["req"], rec)
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
            p(f"      {c:5d}  {clean(k, 220)}")
            for ex in groups.examples[k][:show_examples]:
                p(f"               {fmt_example(ex)}")
        if len(rows) > max_groups:
            rest = sum(c for _, c in rows[max_groups:])
            p(f"      {rest:5d}  … in {len(rows) - max_groups} more groups (judge.json)")

    p("  -- openapi-core alone")
    p(f"  wrongly refused: {len(refused)}")
    block("(a) validator also says invalid: the gateway is right by the document", alone.r["invalid"], 1)
    block("(b) validator says valid: gateway problem type / rules, for a human (policy or bug)", alone.r["valid"])
    block("(c) validator could not judge", alone.r["unjudged"], 1)
    p(f"  wrongly forwarded: {len(forwarded)}")
    block("(a) valid by the document: only a delegated credential or nothing was negated", alone.f["valid"], 0)
    block("(b) validator says invalid: by error kind, for a human to judge", alone.f["invalid"])
    block("(c) validator could not judge", alone.f["unjudged"], 1)
    if oracle is not None:
        p("  -- with the second oracle (deepObject query parameters, form and XML bodies read by the OAS text;"
          " openapi-core for the rest)")
        p(f"  wrongly refused: {len(refused)}")
        block("(a) invalid by the document", both.r["invalid"], 1)
        block("(b) valid by the document: gateway problem type / rules", both.r["valid"])
        block("(d) reading not defined by OAS: verdict under the gateway's documented reading | constructs | gateway",
              both.r["undefined"], 1)
        block("(c) could not judge", both.r["unjudged"], 1)
        p(f"  wrongly forwarded: {len(forwarded)}")
        block("(a) valid by the document", both.f["valid"], 0)
        block("(b) invalid by the document: by error kind", both.f["invalid"])
        block("(d) reading not defined by OAS: verdict under the gateway's documented reading | constructs",
              both.f["undefined"], 1)
        block("(c) could not judge", both.f["unjudged"], 1)
        block("GATEWAY-FAULT CANDIDATES (hand-check each)", both.faults)
        if cross:
            p("  cross-check on the parts the second oracle owns, where openapi-core also looked"
              " (openapi-core view, second oracle verdict): "
              + ", ".join(f"{a}/{b} {n}" for (a, b), n in sorted(cross.items())))
            block("openapi-core and the second oracle disagree (valid vs invalid)", cross_diff)
    print("\n".join(out), flush=True)

    def counts(b):
        return {
            "wrongly_refused": {"total": len(refused), **{
                k: {"count": g.total(), "groups": g.as_json()} for k, g in b.r.items()}},
            "wrongly_forwarded": {"total": len(forwarded), **{
                k: {"count": g.total(), "groups": g.as_json()} for k, g in b.f.items()}},
        }

    a = counts(alone)
    summary = {
        "document": name,
        "dir": os.path.abspath(d),
        "openapi": doc.get("openapi"),
        "sent": {"positive": len(pos), "negative": len(neg)},
        # openapi-core alone, in the shape of earlier runs
        "wrongly_refused": {
            "total": len(refused),
            "validator_invalid": a["wrongly_refused"]["invalid"],
            "validator_valid": a["wrongly_refused"]["valid"],
            "unjudged": a["wrongly_refused"]["unjudged"],
        },
        "wrongly_forwarded": {
            "total": len(forwarded),
            "validator_valid": a["wrongly_forwarded"]["valid"],
            "validator_invalid": a["wrongly_forwarded"]["invalid"],
            "unjudged": a["wrongly_forwarded"]["unjudged"],
        },
        "requests": verdicts,
    }
    if oracle is not None:
        summary["with_second_oracle"] = counts(both)
        summary["gateway_fault_candidates"] = {"count": both.faults.total(), "groups": both.faults.as_json()}
        summary["cross_check"] = {"counts": {f"{a_}/{b_}": n for (a_, b_), n in sorted(cross.items())},
                                  "disagreements": cross_diff.as_json()}
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
    ap.add_argument("--no-second-oracle", action="store_true", help="openapi-core alone")
    a = ap.parse_args()
    rows = []
    for d in a.dirs:
        s = judge_dir(d.rstrip("/"), a.examples, a.groups, a.keep_discriminator, not a.no_second_oracle)
        if s:
            wr, wf = s["wrongly_refused"], s["wrongly_forwarded"]
            rows.append((s["document"] + " (openapi-core)", s["sent"]["positive"] + s["sent"]["negative"], wr["total"],
                         wr["validator_invalid"]["count"], wr["validator_valid"]["count"], "", wr["unjudged"]["count"],
                         wf["total"], wf["validator_valid"]["count"], wf["validator_invalid"]["count"], "",
                         wf["unjudged"]["count"], ""))
            b = s.get("with_second_oracle")
            if b:
                br, bf = b["wrongly_refused"], b["wrongly_forwarded"]
                rows.append((s["document"] + " (+ 2nd oracle)", "", br["total"], br["invalid"]["count"],
                             br["valid"]["count"], br["undefined"]["count"], br["unjudged"]["count"], bf["total"],
                             bf["valid"]["count"], bf["invalid"]["count"], bf["undefined"]["count"],
                             bf["unjudged"]["count"], s["gateway_fault_candidates"]["count"]))
        print()
    if rows:
        print(f"{'document':32s} {'sent':>6s} {'refused':>8s} {'r:inval':>8s} {'r:valid':>8s} {'r:undef':>8s} {'r:?':>5s}"
              f" {'forwarded':>10s} {'f:valid':>8s} {'f:inval':>8s} {'f:undef':>8s} {'f:?':>5s} {'faults?':>8s}")
        for r in rows:
            print(f"{r[0]:32s} {r[1]!s:>6s} {r[2]:8d} {r[3]:8d} {r[4]:8d} {r[5]!s:>8s} {r[6]:5d} {r[7]:10d} {r[8]:8d}"
                  f" {r[9]:8d} {r[10]!s:>8s} {r[11]:5d} {r[12]!s:>8s}")
        print("r:undef / f:undef: the reading the request needs is not defined by OAS (judged under the gateway's"
              " documented reading; see the groups). faults?: gateway-fault candidates, to hand-check.")


if __name__ == "__main__":
    main()
