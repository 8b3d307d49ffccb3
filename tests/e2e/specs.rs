//! Onboarding real specs (issue 16) end to end: each finding of the issue as a request to the
//! real binary in front of a recording mTLS upstream. Valid requests the gateway used to refuse
//! now reach the upstream; invalid ones it used to forward do not.

use crate::harness::*;
use base64::Engine;

const SPEC: &str = r##"openapi: 3.0.3
info: {title: Onboard, version: "1"}
x-gateway: {upstream: svc}
security: []
paths:
  /items:
    get:
      parameters:
        - name: filter
          in: query
          style: deepObject
          explode: true
          schema:
            type: object
            additionalProperties: false
            properties:
              status: {type: string, enum: [open, closed]}
              created: {type: object, properties: {gt: {type: integer}}}
        - {name: limit, in: query, schema: {type: integer, format: int32}}
        - {name: big, in: query, schema: {type: integer}}
        - {name: expand, in: query, schema: {anyOf: [{type: string}, {type: array, items: {type: string}}]}}
        - {name: code, in: query, schema: {type: string, format: int64}}
      responses: {"200": {description: ok}}
    post:
      requestBody:
        content:
          "*/*":
            schema: {type: object, required: [any], properties: {any: {type: integer}}}
          application/json:
            schema: {type: object, required: [name], additionalProperties: true, properties: {name: {type: string, pattern: "^(?<!x)[a-z]+$"}}}
          multipart/form-data:
            schema:
              type: object
              properties:
                meta: {type: object, required: [size], properties: {size: {type: integer}}}
            encoding:
              meta: {contentType: application/json}
      responses: {"200": {description: ok}}
  /forms:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                card: {type: object, properties: {number: {type: string, maxLength: 19}, exp_month: {type: integer}}}
            encoding:
              card: {style: deepObject, explode: true}
      responses: {"200": {description: ok}}
  /charges:
    get:
      security: [{basicAuth: []}]
      responses: {"200": {description: ok}}
  /legacy:
    get:
      security: [{legacy: []}]
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    basicAuth: {type: http, scheme: basic}
    legacy: {type: http, scheme: digest}
"##;

const LOOSE: &str = r##"openapi: 3.1.0
info: {title: Loose, version: "1"}
x-gateway: {upstream: svc, strict: false, base_path: /loose}
security: []
paths:
  /forms:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {a: {type: string}}}
      responses: {"200": {description: ok}}
"##;

fn env() -> (Pki, gateway::echo::EchoUpstream, GatewayProc) {
    let pki = Pki::new();
    let up = pki.upstream("svc.internal");
    let spec = SPEC.replace(
        "x-gateway: {upstream: svc}",
        "x-gateway: {upstream: svc, security_schemes: {legacy: delegate}}",
    );
    // `/loose/forms` (non-strict) is served by its own spec: strictness is per document.
    let keys = format!(
        "api_keys:\n  - {{id: acct-1, sha256: {}, scopes: []}}\n",
        gateway::auth::api_key_hash("sk_test_abc")
    );
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("svc", up.addr, "svc.internal"))
        .spec("onboard.yaml", &spec)
        .spec("loose.yaml", LOOSE)
        .policy("keys.yaml", &keys)
        .start();
    (pki, up, gw)
}

fn req(gw: &GatewayProc, method: &str, target: &str, headers: &str, body: &[u8]) -> Resp {
    let mut r = format!(
        "{method} {target} HTTP/1.1\r\nHost: localhost\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    raw_tls(gw.addr, &gw.ca_pem, &r).expect("request")
}

/// The request reached the upstream (200 from the echo), exactly once.
fn forwarded(up: &gateway::echo::EchoUpstream, r: &Resp, what: &str) {
    assert_eq!(r.status, 200, "{what}: {}", r.text());
    assert_eq!(up.take().len(), 1, "{what}");
}

/// The request was refused with `status` and never reached the upstream.
fn refused(up: &gateway::echo::EchoUpstream, r: &Resp, status: u16, rule: &str, what: &str) {
    r.assert_problem(status);
    if !rule.is_empty() {
        assert!(r.text().contains(rule), "{what}: {}", r.text());
    }
    assert_eq!(up.take().len(), 0, "{what}");
}

#[test]
fn what_a_spec_declares_is_what_is_enforced() {
    let (_pki, up, gw) = env();
    let get = |t: &str| req(&gw, "GET", t, "", b"");
    // deepObject: decoded and validated.
    forwarded(
        &up,
        &get("/items?filter[status]=open&filter[created][gt]=7"),
        "deepObject",
    );
    refused(
        &up,
        &get("/items?filter[status]=gone"),
        400,
        "enum",
        "deepObject enum",
    );
    refused(
        &up,
        &get("/items?filter[owner]=x"),
        400,
        "",
        "deepObject member",
    );
    // A bare value of a deepObject parameter is judged too (it was ignored and forwarded
    // unscreened): not an object here.
    refused(
        &up,
        &get("/items?filter=%3Cscript%3Ealert(1)%3C/script%3E"),
        400,
        "",
        "bare deepObject value",
    );
    // int32 range; empty typed value; big integers; anyOf with an array branch.
    forwarded(&up, &get("/items?limit=2147483647"), "int32 max");
    refused(
        &up,
        &get("/items?limit=2147483648"),
        400,
        "maximum",
        "int32 + 1",
    );
    refused(&up, &get("/items?limit="), 400, "type", "empty integer");
    forwarded(&up, &get("/items?big=9223372036854775808"), "2^63");
    forwarded(
        &up,
        &get("/items?expand=a&expand=b"),
        "repeated anyOf array",
    );
    // A string declared int64 is checked, so an injection there is refused as a format error.
    forwarded(&up, &get("/items?code=-42"), "int64 text");
    refused(
        &up,
        &get("/items?code=1%20OR%201=1"),
        400,
        "format",
        "int64 text",
    );
    // Media ranges: the most specific range wins and its schema is checked.
    let json = "Content-Type: application/json\r\n";
    forwarded(
        &up,
        &req(&gw, "POST", "/items", json, br#"{"name":"abc"}"#),
        "json",
    );
    refused(
        &up,
        &req(&gw, "POST", "/items", json, br#"{"any":1}"#),
        400,
        "required",
        "json against its own schema",
    );
    let other = "Content-Type: application/vnd.acme+json\r\n";
    forwarded(
        &up,
        &req(&gw, "POST", "/items", other, br#"{"any":1}"#),
        "*/*",
    );
    refused(
        &up,
        &req(&gw, "POST", "/items", other, br#"{"name":"abc"}"#),
        400,
        "required",
        "*/* schema",
    );
    // Lookbehind pattern (ECMA-262).
    refused(
        &up,
        &req(&gw, "POST", "/items", json, br#"{"name":"ABC"}"#),
        400,
        "pattern",
        "lookbehind",
    );
    // Multipart JSON part.
    let mp = |meta: &str| {
        format!("--B\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{meta}\r\n--B--\r\n")
    };
    let mpt = "Content-Type: multipart/form-data; boundary=B\r\n";
    forwarded(
        &up,
        &req(&gw, "POST", "/items", mpt, mp(r#"{"size":3}"#).as_bytes()),
        "JSON part",
    );
    refused(
        &up,
        &req(&gw, "POST", "/items", mpt, mp(r#"{"size":"3"}"#).as_bytes()),
        400,
        "type",
        "JSON part type",
    );
    // Form body with deepObject encoding.
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    forwarded(
        &up,
        &req(
            &gw,
            "POST",
            "/forms",
            form,
            b"card[number]=4242&card[exp_month]=12",
        ),
        "deepObject form",
    );
    refused(
        &up,
        &req(&gw, "POST", "/forms", form, b"card[exp_month]=twelve"),
        400,
        "type",
        "deepObject form type",
    );
    // Non-strict: a repeated undeclared form field is accepted.
    forwarded(
        &up,
        &req(&gw, "POST", "/loose/forms", form, b"x=1&x=2"),
        "repeated undeclared field",
    );
}

#[test]
fn basic_credentials_are_checked_and_delegated_schemes_pass_through() {
    let (_pki, up, gw) = env();
    let basic = |s: &str| {
        format!(
            "Authorization: Basic {}\r\n",
            base64::engine::general_purpose::STANDARD.encode(s)
        )
    };
    let r = req(&gw, "GET", "/charges", &basic("acct-1:sk_test_abc"), b"");
    assert_eq!(r.status, 200, "{}", r.text());
    let seen = up.take();
    assert_eq!(seen.len(), 1);
    // The credential is the gateway's to check: it is not forwarded.
    assert_eq!(seen[0].header("authorization"), None);
    forwarded(
        &up,
        &req(&gw, "GET", "/charges", &basic("sk_test_abc:"), b""),
        "key as user name",
    );
    refused(
        &up,
        &req(&gw, "GET", "/charges", &basic("acct-1:sk_test_abd"), b""),
        401,
        "",
        "wrong key",
    );
    refused(
        &up,
        &req(&gw, "GET", "/charges", "", b""),
        401,
        "",
        "no credential",
    );
    // Delegated: the upstream authenticates; the gateway forwards the credential untouched.
    let r = req(
        &gw,
        "GET",
        "/legacy",
        "Authorization: Digest username=\"a\"\r\n",
        b"",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let seen = up.take();
    assert_eq!(
        seen[0].header("authorization"),
        Some("Digest username=\"a\"")
    );
}

#[test]
fn check_strict_turns_warnings_into_errors() {
    let pki = Pki::new();
    let spec = SPEC.replace(
        "x-gateway: {upstream: svc}",
        "x-gateway: {upstream: svc, security_schemes: {legacy: delegate}}",
    );
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new(
            "svc",
            "127.0.0.1:1".parse().unwrap(),
            "svc.internal",
        ))
        .spec("onboard.yaml", &spec);
    let (_dir, path, ..) = b.write();
    let run = |strict: bool| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"));
        c.args(["check", "-c"]).arg(&path);
        if strict {
            c.arg("--strict");
        }
        c.output().unwrap()
    };
    let lax = run(false);
    assert_eq!(
        lax.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&lax.stderr)
    );
    assert!(
        String::from_utf8_lossy(&lax.stderr).contains("warning: ")
            && String::from_utf8_lossy(&lax.stderr).contains("\"legacy\" is delegated")
    );
    let strict = run(true);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("error: "));
}

#[test]
fn check_refuses_what_only_the_oas_meta_schema_forbids_once_per_cause() {
    // Nothing a route reads is wrong: the broken parts are an `info` without `version` and
    // three unused responses without `description` (one cause, three places).
    let spec = r##"openapi: 3.0.3
info: {title: Broken}
x-gateway: {upstream: svc}
security: []
paths:
  /ok:
    get:
      responses: {"200": {description: ok}}
components:
  responses:
    A: {content: {application/json: {schema: {type: object}}}}
    B: {content: {application/json: {schema: {type: object}}}}
    C: {content: {application/json: {schema: {type: object}}}}
"##;
    let pki = Pki::new();
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new(
            "svc",
            "127.0.0.1:1".parse().unwrap(),
            "svc.internal",
        ))
        .spec("broken.yaml", spec);
    let (_dir, path, ..) = b.write();
    let (ok, text) = gateway_cli(&["check", "-c"], &path);
    assert!(!ok, "{text}");
    assert!(
        text.contains("OAS 3.0 schema") && text.contains("'version' is a required property"),
        "{text}"
    );
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("/components/responses/"))
        .collect();
    assert_eq!(lines.len(), 1, "one line for one cause: {text}");
    assert!(
        lines[0].contains("3 places")
            && lines[0].contains("/components/responses/A")
            && lines[0].contains("'description' is a required property"),
        "{text}"
    );
}

#[test]
fn a_header_the_spec_declares_with_an_underscore_is_read_once_spelled() {
    // Petstore's `api_key` header (a delegated apiKey scheme) and a declared parameter.
    let spec = r##"openapi: 3.0.3
info: {title: Pets, version: "1"}
x-gateway: {upstream: svc, security_schemes: {api_key: delegate}}
paths:
  /pets:
    get:
      security: [{api_key: []}]
      parameters:
        - {name: trace_tag, in: header, schema: {type: string, maxLength: 8}}
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    api_key: {type: apiKey, in: header, name: api_key}
"##;
    let pki = Pki::new();
    let up = pki.upstream("svc.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("svc", up.addr, "svc.internal"))
        .spec("pets.yaml", spec)
        .start();
    let get = |headers: &str| req(&gw, "GET", "/pets", headers, b"");
    let r = get("api_key: special-key\r\ntrace_tag: t1\r\n");
    assert_eq!(r.status, 200, "{}", r.text());
    let seen = up.take();
    assert_eq!(seen[0].header("api_key"), Some("special-key"));
    // The declared parameter is validated like any other.
    get("api_key: k\r\ntrace_tag: far-too-long\r\n").assert_problem(400);
    // Two spellings of one name, or an undeclared underscore name: refused as before.
    for extra in ["api-key: other\r\n", "x_user_id: 1\r\n"] {
        let r = get(&format!("api_key: k\r\n{extra}"));
        r.assert_problem(400);
        assert!(
            r.text().contains("underscore-header"),
            "{extra}: {}",
            r.text()
        );
    }
    assert_eq!(up.count(), 0);

    // A declared name a CGI service would read as a header the gateway sets: refused at load.
    let bad = spec.replace("name: trace_tag", "name: x_forwarded_for");
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new(
            "svc",
            "127.0.0.1:1".parse().unwrap(),
            "svc.internal",
        ))
        .spec("pets.yaml", &bad);
    let (_dir, path, ..) = b.write();
    let (ok, text) = gateway_cli(&["check", "-c"], &path);
    assert!(!ok, "{text}");
    assert!(
        text.contains("/parameters/0/name") && text.contains("\"x-forwarded-for\""),
        "{text}"
    );
}
