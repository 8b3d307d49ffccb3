//! Onboarding real specs (issue 16): the public corpus loads as published, and what a spec
//! declares is enforced exactly (styles, formats, empty values, big integers, media ranges,
//! JSON parts, ECMA-262 patterns, security-scheme mapping).

use super::tests::{build, req, run};
use super::*;
use std::path::PathBuf;
use std::time::Instant;

/// `../shared/openapi-corpus` beside the repository root (the main checkout, or a worktree
/// one level deeper). Missing data fails the test unless `GATEWAY_TEST_SKIP` names `shared`.
pub(crate) fn corpus_dir() -> Option<PathBuf> {
    crate::testenv::shared("openapi-corpus")
}

fn rules(d: Deny) -> Vec<(String, String)> {
    match d {
        Deny::SchemaInvalid(v) | Deny::InjectionBlocked(v) => {
            v.into_iter().map(|v| (v.pointer, v.rule)).collect()
        }
        other => vec![("".into(), other.slug().into())],
    }
}

fn operations(doc: &serde_json::Value) -> usize {
    doc["paths"]
        .as_object()
        .map(|p| {
            p.values()
                .map(|item| {
                    item.as_object()
                        .map(|i| {
                            i.keys()
                                .filter(|k| crate::spec::METHODS.contains(&k.as_str()))
                                .count()
                        })
                        .unwrap_or(0)
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Every corpus document, bound to an upstream on a copy (as a service team would), loads
/// with no error and every operation compiled.
#[test]
fn corpus_documents_load_as_published() {
    let Some(dir) = corpus_dir() else { return };
    for name in ["petstore.yaml", "github.yaml", "stripe.yaml"] {
        let text = std::fs::read_to_string(dir.join(name)).expect(name);
        let t0 = Instant::now();
        let mut doc: serde_json::Value = serde_saphyr::from_str(&text).expect(name);
        let ops = operations(&doc);
        doc["x-gateway"] = serde_json::json!({"upstream": "svc"});
        let (v, _r, mut report, _d) = build(&serde_json::to_string(&doc).unwrap(), &[]);
        report.collapse();
        let errors: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        let compiled = v.ops.iter().filter(|o| o.is_some()).count();
        assert_eq!(compiled, ops, "{name}: every operation compiled");
        println!(
            "{name}: {ops} operations, {} warnings, loaded in {:?} (debug build)",
            report.warnings.len(),
            t0.elapsed()
        );
    }
}

const STYLES: &str = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /things/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, format: int32}}
        - name: filter
          in: query
          style: deepObject
          explode: true
          schema:
            type: object
            properties:
              status: {type: string, enum: [open, closed]}
              created: {type: object, properties: {gt: {type: integer}}}
              tags: {type: array, items: {type: string}}
        - {name: point, in: query, explode: false, schema: {type: object, properties: {x: {type: integer}, y: {type: integer}}}}
        - {name: color, in: query, schema: {type: object, properties: {r: {type: integer}, g: {type: integer}}}}
        - {name: ids, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: integer}}}
        - {name: limit, in: query, schema: {type: integer}}
        - {name: opt, in: query, allowEmptyValue: true, schema: {type: integer}}
        - {name: big, in: query, schema: {type: integer, minimum: 0}}
        - {name: n64, in: query, schema: {type: integer, format: int64}}
        - {name: when, in: query, schema: {type: string, format: date}}
        - {name: expand, in: query, schema: {oneOf: [{type: string}, {type: array, items: {type: string}}]}}
        - {name: X-Dims, in: header, explode: true, schema: {type: object, properties: {w: {type: integer}, h: {type: integer}}}}
      responses: {"200": {description: ok}}
  /label/{v}:
    get:
      parameters:
        - {name: v, in: path, required: true, style: label, explode: true, schema: {type: array, items: {type: integer}}}
      responses: {"200": {description: ok}}
  /matrix/{m}:
    get:
      parameters:
        - {name: m, in: path, required: true, style: matrix, schema: {type: integer}}
      responses: {"200": {description: ok}}
"##;

#[test]
fn every_style_decodes_and_is_validated() {
    let (v, r, report, _d) = build(STYLES, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let ok = |t: &str| run(&v, &r, &req("GET", t)).map(|_| ()).map_err(rules);
    ok("/things/1?filter[status]=open&filter[created][gt]=5&filter[tags][]=a&filter[tags][]=b")
        .unwrap();
    assert_eq!(
        ok("/things/1?filter[status]=other").unwrap_err(),
        vec![("/query/filter/status".into(), "enum".into())]
    );
    assert_eq!(
        ok("/things/1?filter[created][gt]=x").unwrap_err()[0].1,
        "type"
    );
    ok("/things/1?point=x,1,y,2").unwrap();
    assert_eq!(ok("/things/1?point=x,1,y").unwrap_err()[0].1, "style");
    ok("/things/1?r=1&g=2").unwrap();
    assert_eq!(ok("/things/1?r=1&g=z").unwrap_err()[0].1, "type");
    ok("/things/1?ids=1|2|3").unwrap();
    assert_eq!(ok("/things/1?ids=1|x").unwrap_err()[0].1, "type");
    ok("/label/.1.2.3").unwrap();
    assert_eq!(ok("/label/1.2").unwrap_err()[0].1, "style");
    ok("/matrix/;m=5").unwrap();
    assert_eq!(ok("/matrix/;m=x").unwrap_err()[0].1, "type");
    let hdr = |h: &str| {
        run(&v, &r, &req("GET", "/things/1").header("x-dims", h))
            .map(|_| ())
            .map_err(rules)
    };
    hdr("w=1,h=2").unwrap();
    assert_eq!(hdr("w=1,h=x").unwrap_err()[0].1, "type");
}

#[test]
fn declared_constraints_are_enforced_exactly() {
    let (v, r, _report, _d) = build(STYLES, &[]);
    let ok = |t: &str| run(&v, &r, &req("GET", t)).map(|_| ()).map_err(rules);
    // int32 range.
    ok("/things/2147483647").unwrap();
    assert_eq!(ok("/things/2147483648").unwrap_err()[0].1, "maximum");
    // Empty values: refused unless `allowEmptyValue` (OAS's default is false), whatever the
    // schema: an integer, a date, a plain string, an array.
    for q in ["limit=", "when=", "expand=", "ids="] {
        assert_eq!(
            ok(&format!("/things/1?{q}")).unwrap_err()[0].1,
            "empty-value",
            "{q}"
        );
    }
    ok("/things/1?opt=").unwrap();
    // Integers past 2^63 − 1 are integers.
    ok("/things/1?big=9223372036854775808").unwrap();
    ok("/things/1?big=18446744073709551615").unwrap();
    ok("/things/1?big=123456789012345678901234567890").unwrap();
    assert_eq!(
        ok("/things/1?big=-9223372036854775809").unwrap_err()[0].1,
        "minimum"
    );
    // One below the int64 minimum (found by schemathesis on petstore: the nearest double of
    // −2^63 − 1 is −2^63 itself).
    ok("/things/1?n64=-9223372036854775808").unwrap();
    assert_eq!(
        ok("/things/1?n64=-9223372036854775809").unwrap_err()[0].1,
        "minimum"
    );
    ok("/things/1?n64=9223372036854775807").unwrap();
    assert_eq!(
        ok("/things/1?n64=9223372036854775808").unwrap_err()[0].1,
        "maximum"
    );
    // oneOf with an array branch: one value or repeated values.
    ok("/things/1?expand=a").unwrap();
    ok("/things/1?expand=a&expand=b").unwrap();
}

#[test]
fn formats_are_checked_before_they_exempt_from_screening() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /f:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                b: {type: string, format: byte}
                i: {type: string, format: int64}
                n: {type: integer, format: int32}
                e: {type: string, format: email}
                u: {type: string, format: unix-time}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let post = |b: &str| {
        run(&v, &r, &req("POST", "/f").json(b))
            .map(|_| ())
            .map_err(rules)
    };
    post(r#"{"b":"aGVsbG8=","i":"-9223372036854775808","n":2147483647}"#).unwrap();
    assert_eq!(
        post(r#"{"b":"<script>alert(1)</script>"}"#).unwrap_err(),
        vec![("/body/b".into(), "format".into())]
    );
    assert_eq!(
        post(r#"{"i":"1 OR 1=1"}"#).unwrap_err(),
        vec![("/body/i".into(), "format".into())]
    );
    assert_eq!(
        post(r#"{"i":"9223372036854775808"}"#).unwrap_err()[0].1,
        "format"
    );
    assert_eq!(post(r#"{"n":2147483648}"#).unwrap_err()[0].1, "maximum");
    // A format the validator does not check exempts nothing: the value is screened.
    let d = run(
        &v,
        &r,
        &req("POST", "/f").json(r#"{"u":"<script>alert(1)</script>"}"#),
    )
    .unwrap_err();
    assert!(matches!(d, Deny::InjectionBlocked(_)), "{d:?}");
}

#[test]
fn boolean_additional_properties_in_30_and_lookbehind_patterns() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /o:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                open: {type: object, additionalProperties: true}
                closed: {type: object, properties: {a: {type: string}}, additionalProperties: false}
                price: {type: string, pattern: "^(?<=)\\d+(?<!0)$"}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let post = |b: &str| {
        run(&v, &r, &req("POST", "/o").json(b))
            .map(|_| ())
            .map_err(rules)
    };
    post(r#"{"open":{"x":1},"closed":{"a":"b"},"price":"15"}"#).unwrap();
    assert_eq!(
        post(r#"{"closed":{"a":"b","z":1}}"#).unwrap_err()[0].1,
        "undeclared-property"
    );
    assert_eq!(post(r#"{"price":"10"}"#).unwrap_err()[0].1, "pattern");
}

#[test]
fn media_ranges_by_specificity_and_json_parts() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc, strict: false}
paths:
  /m:
    post:
      requestBody:
        content:
          "*/*":
            schema: {type: object, required: [any], properties: {any: {type: integer}}}
          application/*:
            schema: {type: object, required: [app], properties: {app: {type: integer}}}
          application/json:
            schema: {type: object, required: [json], properties: {json: {type: integer}}}
      responses: {"200": {description: ok}}
  /up:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                meta: {type: object, required: [cnt], properties: {cnt: {type: integer}}}
                opts: {type: object, properties: {x: {type: integer}}}
                note: {type: string}
            encoding:
              meta: {contentType: application/json}
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                meta: {type: object, required: [cnt], properties: {cnt: {type: integer}}}
                card: {type: object, properties: {number: {type: string}, exp: {type: integer}}}
            encoding:
              meta: {contentType: application/json}
              card: {style: deepObject, explode: true}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let post = |ct: &str, b: &str| {
        run(&v, &r, &req("POST", "/m").body(ct, b.as_bytes()))
            .map(|_| ())
            .map_err(rules)
    };
    post("application/json", r#"{"json":1}"#).unwrap();
    assert_eq!(
        post("application/json", r#"{"app":1}"#).unwrap_err()[0].1,
        "required"
    );
    post("application/vnd.x+json", r#"{"app":1}"#).unwrap();
    assert_eq!(
        post("application/vnd.x+json", r#"{"any":1}"#).unwrap_err()[0].1,
        "required"
    );
    post("text/x-json", r#"{"any":1}"#).unwrap_err();
    assert_eq!(
        post("text/x-json", r#"{"any":1}"#).unwrap_err()[0].1,
        "unsupported-media-type"
    );
    post("text/xml", "<x><any>1</any></x>").unwrap();
    assert_eq!(
        post("text/xml", "<x><other>1</other></x>").unwrap_err()[0].1,
        "required"
    );
    let up = |ct: &str, b: &str| {
        run(&v, &r, &req("POST", "/up").body(ct, b.as_bytes()))
            .map(|_| ())
            .map_err(rules)
    };
    let mp = |meta_type: &str, meta: &str| {
        format!(
            "--XX\r\nContent-Disposition: form-data; name=\"meta\"{meta_type}\r\n\r\n{meta}\r\n--XX\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XX--\r\n"
        )
    };
    let mpt = "multipart/form-data; boundary=XX";
    let json_part = "\r\nContent-Type: application/json";
    up(mpt, &mp(json_part, r#"{"cnt":1}"#)).unwrap();
    assert_eq!(
        up(mpt, &mp(json_part, r#"{"cnt":"x"}"#)).unwrap_err()[0],
        ("/body/meta/cnt".to_string(), "type".to_string())
    );
    assert_eq!(up(mpt, &mp(json_part, "{")).unwrap_err()[0].0, "/body/meta");
    // The encoding says JSON: a part sent as text/plain is not what was declared.
    assert_eq!(
        up(mpt, &mp("", r#"{"cnt":1}"#)).unwrap_err()[0].1,
        "content-type"
    );
    // No encoding for `opts`: the part's own type makes it JSON.
    let opts = |v: &str| {
        format!(
            "--XX\r\nContent-Disposition: form-data; name=\"opts\"{json_part}\r\n\r\n{v}\r\n--XX--\r\n"
        )
    };
    up(mpt, &opts(r#"{"x":1}"#)).unwrap();
    assert_eq!(up(mpt, &opts(r#"{"x":"y"}"#)).unwrap_err()[0].1, "type");
    let form = "application/x-www-form-urlencoded";
    up(
        form,
        "meta=%7B%22cnt%22%3A1%7D&card[number]=4242&card[exp]=12",
    )
    .unwrap();
    assert_eq!(up(form, "card[exp]=x").unwrap_err()[0].1, "type");
    assert_eq!(
        up(form, "meta=%7B%22cnt%22%3Atrue%7D").unwrap_err()[0].1,
        "type"
    );
    // Non-strict: a repeated undeclared field is free-form.
    up(form, "extra=1&extra=2").unwrap();
}

#[test]
fn errors_are_reported_once_per_cause() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /a: {get: {security: [{nope: []}], responses: {"200": {description: ok}}}}
  /b: {get: {security: [{nope: []}], responses: {"200": {description: ok}}}}
  /c: {get: {security: [{nope: []}], responses: {"200": {description: ok}}}}
  /d: {get: {security: [{nope: []}], responses: {"200": {description: ok}}}}
"##;
    let (_v, _r, mut report, _d) = build(spec, &[]);
    assert_eq!(report.errors.len(), 4);
    report.collapse();
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let m = &report.errors[0].message;
    assert!(
        m.contains("(4 places: /paths/~1a/get/security/0/nope, /paths/~1b"),
        "{m}"
    );
    assert!(m.ends_with(", …)"), "{m}");
}

#[test]
fn invalid_documents_are_refused_even_where_no_route_uses_the_broken_part() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
servers: {url: "https://x"}
extra: 1
paths:
  /a/{id}:
    get:
      parameters:
        - {name: id, in: path, schema: {type: string}, allowReserved: true}
        - {name: q, in: query, schema: {type: string}, example: a, examples: {b: {value: b}}}
        - {name: q, in: query, schema: {type: string}}
        - {name: other, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
  /b/{x}:
    get:
      responses: {"200": {description: ok}}
  /c:
    get:
      parameters:
        - {name: t, in: query, schema: {type: [string, "null"]}}
      responses: {"200": {description: ok}}
"##;
    let (_v, _r, report, _d) = build(spec, &[]);
    let msgs: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    for want in [
        "/extra: OAS defines no such top-level field",
        "/servers: `servers` must be a list",
        "/paths/~1a~1{id}/get/parameters/0: a path parameter must be `required: true`",
        "/paths/~1a~1{id}/get/parameters/0: `allowReserved` applies only to query parameters",
        "/paths/~1a~1{id}/get/parameters/1: `example` and `examples` are mutually exclusive",
        "/paths/~1a~1{id}/get/parameters/2: parameter \"q\" in query is declared twice",
        "/paths/~1a~1{id}/get: path parameter \"other\" is not a variable of the path template",
        "/paths/~1b~1{x}/get: path template variable {x} has no `in: path` parameter",
        "/paths/~1c/get/parameters/0/schema/type: OAS 3.0 `type` is one string",
    ] {
        assert!(msgs.iter().any(|m| m.contains(want)), "{want}\n{msgs:#?}");
    }
    assert_eq!(msgs.len(), 9, "{msgs:#?}");
}

#[test]
fn repeated_undeclared_xml_elements_are_a_list_in_non_strict_mode() {
    let spec = |strict: bool| {
        format!(
            r##"openapi: 3.0.3
info: {{title: t, version: "1"}}
x-gateway: {{upstream: svc, strict: {strict}}}
paths:
  /x:
    post:
      requestBody:
        content:
          application/xml:
            schema: {{type: object, xml: {{name: x}}, properties: {{a: {{type: integer}}}}}}
      responses: {{"200": {{description: ok}}}}
"##
        )
    };
    let body = b"<x><a>1</a><zz>1</zz><zz>2</zz><zz>3</zz></x>";
    let (v, r, _rep, _d) = build(&spec(false), &[]);
    run(&v, &r, &req("POST", "/x").body("application/xml", body)).unwrap();
    let dup = b"<x><a>1</a><a>2</a></x>";
    assert_eq!(
        rules(run(&v, &r, &req("POST", "/x").body("application/xml", dup)).unwrap_err())[0].1,
        "duplicate-field"
    );
    let (v, r, _rep, _d) = build(&spec(true), &[]);
    assert_eq!(
        rules(run(&v, &r, &req("POST", "/x").body("application/xml", body)).unwrap_err())[0].1,
        "undeclared-property"
    );
}

/// YAML is read as YAML 1.2, as OAS asks: `on`, `y`, `n`, `yes`, `no` are strings, so a
/// parameter named `on` and an `enum: [yes, no]` mean what they say (YAML 1.1 would make them
/// booleans: a refused document, or every real value refused).
#[test]
fn yaml_words_that_yaml_1_1_read_as_booleans_are_strings() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /switch:
    get:
      parameters:
        - {name: on, in: query, schema: {type: string}}
        - {name: n, in: query, schema: {type: integer}}
        - {name: answer, in: query, schema: {type: string, enum: [yes, no, y, n, off]}}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    let ok = |t: &str| run(&v, &r, &req("GET", t)).map(|_| ()).map_err(rules);
    assert_eq!(ok("/switch?on=1&n=2&answer=yes"), Ok(()));
    assert_eq!(ok("/switch?answer=off"), Ok(()));
    assert!(ok("/switch?answer=true").is_err(), "not a boolean enum");
}

/// Integers past 2^64 in a form body are integers too (found by schemathesis on Twilio's
/// `ValidityPeriod`: the gateway refused 87477987503153572274129695855844786176 as `type`).
#[test]
fn big_integers_in_forms_and_json_are_integers() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /svc:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {period: {type: integer}}}
      responses: {"200": {description: ok}}
  /doc:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {period: {type: integer}}}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    let form = |b: &str| {
        run(
            &v,
            &r,
            &req("POST", "/svc").body("application/x-www-form-urlencoded", b.as_bytes()),
        )
        .map(|_| ())
        .map_err(rules)
    };
    let json = |b: &str| {
        run(&v, &r, &req("POST", "/doc").json(b))
            .map(|_| ())
            .map_err(rules)
    };
    for n in [
        "18446744073709551615",
        "87477987503153572274129695855844786176",
    ] {
        assert_eq!(form(&format!("period={n}")), Ok(()), "form {n}");
        assert_eq!(json(&format!("{{\"period\": {n}}}")), Ok(()), "json {n}");
    }
    assert_eq!(form("period=1.5").unwrap_err()[0].1, "type");
    // One below the int64 minimum in a JSON body (schemathesis on Petstore): refused.
    let (v64, r64, _, _d64) = build(
        &spec.replace(
                "application/json:\n            schema: {type: object, properties: {period: {type: integer}}}",
                "application/json:\n            schema: {type: object, properties: {period: {type: integer, format: int64}}}",
            ),
        &[],
    );
    let json64 = |b: &str| {
        run(&v64, &r64, &req("POST", "/doc").json(b))
            .map(|_| ())
            .map_err(rules)
    };
    assert_eq!(json64("{\"period\": -9223372036854775808}"), Ok(()));
    assert_eq!(
        json64("{\"period\": -9223372036854775809}").unwrap_err()[0].1,
        "minimum"
    );
    // Where a service reads an integer type, `1.0` and `1e0` stay refused.
    for b in [
        "{\"period\": 1.0}",
        "{\"period\": 1e0}",
        "{\"period\": 9.0e15}",
    ] {
        assert_eq!(json(b).unwrap_err()[0].1, "type", "{b}");
    }
}

/// A key every branch of a `oneOf` declares is declared (Unblu's `$_type` discriminator was
/// refused as NoSQL injection); one only some branches declare is still screened.
#[test]
fn keys_every_branch_declares_are_not_screened_as_operators() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc, strict: false}
paths:
  /msg:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                data:
                  oneOf:
                    - {type: object, properties: {$_type: {type: string, enum: [Text]}, text: {type: string}}, required: [$_type]}
                    - allOf:
                        - {$ref: "#/components/schemas/Typed"}
                        - {type: object, properties: {url: {type: string}, $only_here: {type: string}}}
      responses: {"200": {description: ok}}
components:
  schemas:
    Typed: {type: object, properties: {$_type: {type: string, enum: [Link]}}, required: [$_type]}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    let post = |b: &str| {
        run(&v, &r, &req("POST", "/msg").json(b))
            .map(|_| ())
            .map_err(rules)
    };
    assert_eq!(
        post(r#"{"data": {"$_type": "Text", "text": "hi"}}"#),
        Ok(())
    );
    assert_eq!(post(r#"{"data": {"$_type": "Link", "url": "x"}}"#), Ok(()));
    // Declared by one branch only: the other branch may be the one that matched.
    assert_eq!(
        post(r#"{"data": {"$_type": "Text", "text": "hi", "$only_here": "x"}}"#).unwrap_err()[0].1,
        "nosql-injection"
    );
    assert_eq!(
        post(r#"{"data": {"$_type": "Text", "$where": "1"}}"#).unwrap_err()[0].1,
        "nosql-injection"
    );
}

/// Found by the second conformance oracle on Stripe's document (docs/specs.md): a bare
/// `name=v` for a `deepObject` query parameter was ignored, so the value reached the service
/// neither validated nor screened (`?expand=<script>…` forwarded, `?expand[]=<script>…`
/// refused). It is now read as a form member of the same encoding is: the value itself (an
/// item, for an array), judged by the schema. And a repeated form member whose `anyOf` has an
/// array branch (Stripe's `anyOf: [array, enum: [""]]`) collects the values as that array's
/// items instead of being refused as a duplicate.
#[test]
fn bare_deep_object_values_are_judged_and_repeated_any_of_arrays_collect() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc, strict: false}
paths:
  /customers:
    get:
      parameters:
        - {name: expand, in: query, style: deepObject, explode: true, schema: {type: array, items: {type: string, maxLength: 10}}}
        - name: created
          in: query
          style: deepObject
          explode: true
          schema:
            anyOf:
              - {type: object, properties: {gt: {type: integer}}}
              - {type: integer}
        - {name: filter, in: query, style: deepObject, explode: true, schema: {type: object, properties: {status: {type: string}}}}
      responses: {"200": {description: ok}}
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                aliases:
                  anyOf:
                    - {type: array, items: {type: string, maxLength: 5}}
                    - {type: string, enum: [""]}
                name: {type: string}
            encoding:
              aliases: {style: deepObject, explode: true}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    let get = |t: &str| run(&v, &r, &req("GET", t)).map(|_| ()).map_err(rules);
    // Arrays: a bare value is one item, judged and screened like `expand[]=`.
    assert_eq!(get("/customers?expand=data"), Ok(()));
    assert_eq!(get("/customers?expand=data&expand[]=x"), Ok(()));
    assert_eq!(
        get("/customers?expand=abcdefghijk").unwrap_err(),
        vec![("/query/expand/0".into(), "maxLength".into())]
    );
    assert_eq!(
        get("/customers?expand=%3Cscript%3E").unwrap_err()[0].1,
        "xss"
    );
    assert_eq!(
        get("/customers?expand=%27%20OR%201%3D1--").unwrap_err()[0].1,
        "sql-injection"
    );
    // `anyOf` with a scalar branch: Stripe's `created=…` beside `created[gt]=…`.
    assert_eq!(get("/customers?created=1700000000"), Ok(()));
    assert_eq!(get("/customers?created[gt]=5"), Ok(()));
    assert_eq!(get("/customers?created=abc").unwrap_err()[0].1, "anyOf");
    assert_eq!(
        get("/customers?created=1&created[gt]=2").unwrap_err()[0].1,
        "style"
    );
    // An object-only parameter: a bare value is not an object.
    assert_eq!(get("/customers?filter=open").unwrap_err()[0].1, "type");
    assert_eq!(get("/customers?filter[status]=open"), Ok(()));

    let post = |b: &str| {
        run(
            &v,
            &r,
            &req("POST", "/customers").body("application/x-www-form-urlencoded", b.as_bytes()),
        )
        .map(|_| ())
        .map_err(rules)
    };
    assert_eq!(post("aliases="), Ok(()));
    assert_eq!(post("aliases=ab&aliases=cd"), Ok(()));
    assert_eq!(post("aliases=ab&aliases=cd&aliases=ef"), Ok(()));
    assert_eq!(
        post("aliases=ab&aliases=toolong").unwrap_err(),
        vec![("/body/aliases".into(), "anyOf".into())]
    );
    // A member without an array branch is still one value.
    assert_eq!(post("name=a&name=b").unwrap_err()[0].1, "duplicate-field");
}
