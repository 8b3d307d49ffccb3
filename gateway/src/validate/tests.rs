//! Unit tests of the compiler and the per-request check, on hand-written specs.

use super::*;
use crate::report::Report;
use crate::router::{RouteMatch, Router};
use crate::spec;

/// Compile `yaml` (plus extra files) in a temp `openapi/` dir; returns the table, the router
/// and the report.
pub(crate) fn build(
    yaml: &str,
    extra: &[(&str, &str)],
) -> (Validation, Router, Report, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("svc.yaml");
    std::fs::write(&f, yaml).unwrap();
    for (n, t) in extra {
        std::fs::write(dir.path().join(n), t).unwrap();
    }
    let mut report = Report::default();
    let s = spec::load(&f, &mut report).expect("loads");
    let mut router = Router::default();
    let up = crate::config::Upstream {
        name: "svc".into(),
        addresses: vec![],
        tls: None,
        host_header: None,
        timeouts: crate::config::UpstreamTimeouts {
            connect: std::time::Duration::from_secs(1),
            read: std::time::Duration::from_secs(1),
            write: std::time::Duration::from_secs(1),
            idle: std::time::Duration::from_secs(1),
        },
        health_enabled: false,
        health_path: "/".into(),
        health_interval: std::time::Duration::from_secs(1),
        health_timeout: std::time::Duration::from_secs(1),
        outlier: Default::default(),
        retry: Default::default(),
    };
    let ups = std::collections::BTreeMap::from([("svc".to_string(), Arc::new(up))]);
    spec::add_routes(&f, &s, &ups, &mut router, &mut report);
    let specs = vec![(f, s)];
    let ops = compile_all(&specs, dir.path(), &router, &mut report);
    crate::metaschema::check_all(&specs, &mut report);
    (
        Validation {
            ops,
            caps: Caps::default(),
        },
        router,
        report,
        dir,
    )
}

pub(crate) struct Req {
    pub method: &'static str,
    pub target: String,
    pub headers: http::HeaderMap,
    pub body: Vec<u8>,
}

pub(crate) fn req(method: &'static str, target: &str) -> Req {
    Req {
        method,
        target: target.into(),
        headers: http::HeaderMap::new(),
        body: Vec::new(),
    }
}

impl Req {
    pub fn json(mut self, body: &str) -> Req {
        self.headers
            .insert("content-type", "application/json".parse().unwrap());
        self.body = body.as_bytes().to_vec();
        self
    }
    pub fn header(mut self, k: &'static str, v: &str) -> Req {
        self.headers.append(k, v.parse().unwrap());
        self
    }
    pub fn body(mut self, ctype: &str, body: &[u8]) -> Req {
        self.headers.insert("content-type", ctype.parse().unwrap());
        self.body = body.to_vec();
        self
    }
}

pub(crate) fn run(v: &Validation, router: &Router, r: &Req) -> Result<Vec<Finding>, Deny> {
    let (path, query) = match r.target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (r.target.as_str(), None),
    };
    let m = http::Method::from_bytes(r.method.as_bytes()).unwrap();
    let RouteMatch::Found { route, params } = router.lookup(&m, path) else {
        panic!("no route for {path}");
    };
    let names: Vec<&str> = route.params.iter().map(String::as_str).collect();
    let view = crate::view::RequestView::parse(
        &r.headers,
        query,
        &crate::view::ViewOptions {
            api_key_header: "x-api-key",
            underscores: Default::default(),
            method_override: Default::default(),
            declared_underscore: &[],
        },
    )
    .map_err(Deny::Ambiguous)?;
    let input = Input {
        path_params: names.into_iter().zip(params).collect(),
        query: &view.query,
        headers: &r.headers,
        cookies: &view.cookies,
        content_type: view.content_type.as_ref(),
        body: Some(&r.body),
    };
    let op = v.operation(route.id).expect("compiled").clone();
    v.check(&op, &input)
}

fn rules(d: Deny) -> Vec<(String, String)> {
    match d {
        Deny::SchemaInvalid(v) | Deny::InjectionBlocked(v) => {
            v.into_iter().map(|v| (v.pointer, v.rule)).collect()
        }
        other => vec![("".into(), other.slug().into())],
    }
}

pub(crate) const ORDERS_30: &str = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /orders:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
        - {name: tags, in: query, schema: {type: array, items: {type: string}, maxItems: 3}}
        - {name: ids, in: query, explode: false, schema: {type: array, items: {type: integer}}}
        - {name: q, in: query, schema: {type: string}}
        - {name: X-Tenant, in: header, required: true, schema: {type: string, pattern: "^[a-z]+$"}}
        - {name: session, in: cookie, schema: {type: string, minLength: 4}}
      responses: {"200": {description: ok}}
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/NewOrder"}
          application/x-www-form-urlencoded:
            schema: {$ref: "#/components/schemas/NewOrder"}
      responses: {"201": {description: ok}}
  /orders/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
    get: {responses: {"200": {description: ok}}}
    put:
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - {$ref: "#/components/schemas/Base"}
                - {type: object, properties: {extra: {type: string, nullable: true}}}
      responses: {"200": {description: ok}}
  /notes:
    post:
      x-gateway-screening: monitor
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                text: {type: string}
                html: {type: string, x-gateway-screening: "off"}
      responses: {"200": {description: ok}}
  /upload:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              required: [title]
              properties:
                title: {type: string, maxLength: 10}
                count: {type: integer}
                file: {type: string, format: binary}
          application/xml: {}
      responses: {"200": {description: ok}}
components:
  schemas:
    NewOrder:
      type: object
      required: [sku, quantity]
      properties:
        id: {type: string, readOnly: true}
        sku: {type: string, maxLength: 32}
        quantity: {type: integer, minimum: 1, maximum: 1000, exclusiveMaximum: true}
        price: {type: number, minimum: 0, exclusiveMinimum: true, example: 3}
        status: {type: string, enum: [new, paid], nullable: true}
        email: {type: string, format: email}
        lines: {type: array, maxItems: 2, items: {$ref: "#/components/schemas/Line"}}
    Line:
      type: object
      properties:
        sku: {type: string}
        parent: {$ref: "#/components/schemas/Line"}
    Base:
      type: object
      required: [name]
      properties:
        name: {type: string}
"##;

#[test]
fn compiles_and_accepts_valid_requests() {
    let (v, r, report, _d) = build(ORDERS_30, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let ok = req("POST", "/orders").json(
        r#"{"sku":"A1","quantity":999,"price":0.5,"status":null,"lines":[{"sku":"x","parent":{"sku":"y"}}]}"#,
    );
    assert_eq!(run(&v, &r, &ok), Ok(vec![]));
    let ok =
        req("GET", "/orders?limit=5&tags=a&tags=b&ids=1,2,3&q=hello").header("x-tenant", "acme");
    assert_eq!(run(&v, &r, &ok), Ok(vec![]));
    let ok = req("PUT", "/orders/3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b")
        .json(r#"{"name":"n","extra":null}"#);
    assert_eq!(run(&v, &r, &ok), Ok(vec![]));
    let form =
        req("POST", "/orders").body("application/x-www-form-urlencoded", b"sku=A1&quantity=3");
    assert_eq!(run(&v, &r, &form), Ok(vec![]));
}

#[test]
fn oas30_conversion() {
    let (v, r, _, _d) = build(ORDERS_30, &[]);
    let bad = |body: &str| rules(run(&v, &r, &req("POST", "/orders").json(body)).unwrap_err());
    // exclusiveMaximum: true → 1000 itself is out.
    assert_eq!(
        bad(r#"{"sku":"A","quantity":1000}"#),
        vec![("/body/quantity".into(), "exclusiveMaximum".into())]
    );
    assert_eq!(
        bad(r#"{"sku":"A","quantity":1,"price":0}"#),
        vec![("/body/price".into(), "exclusiveMinimum".into())]
    );
    // nullable enum accepts null, but not other values.
    assert_eq!(
        bad(r#"{"sku":"A","quantity":1,"status":"x"}"#),
        vec![("/body/status".into(), "enum".into())]
    );
    // readOnly refused, unknown field refused (strict), required, types, formats, arrays.
    assert_eq!(
        bad(r#"{"id":"1","sku":"A","quantity":1}"#),
        vec![("/body/id".into(), "read-only".into())]
    );
    assert_eq!(
        bad(r#"{"sku":"A","quantity":1,"admin":true}"#),
        vec![("/body".into(), "undeclared-property".into())]
    );
    assert_eq!(
        bad(r#"{"sku":"A"}"#),
        vec![("/body".into(), "required".into())]
    );
    assert_eq!(
        bad(r#"{"sku":"A","quantity":"1"}"#),
        vec![("/body/quantity".into(), "type".into())]
    );
    assert_eq!(
        bad(r#"{"sku":"A","quantity":1,"email":"nope"}"#),
        vec![("/body/email".into(), "format".into())]
    );
    assert_eq!(
        bad(r#"{"sku":"A","quantity":1,"lines":[{},{},{}]}"#),
        vec![("/body/lines".into(), "maxItems".into())]
    );
    // Recursive $ref, strict at every level.
    assert_eq!(
        bad(r#"{"sku":"A","quantity":1,"lines":[{"parent":{"evil":1}}]}"#),
        vec![("/body/lines/0/parent".into(), "undeclared-property".into())]
    );
    // allOf with a strict parent: both branches' properties allowed, others not.
    let put = |b: &str| {
        run(
            &v,
            &r,
            &req("PUT", "/orders/3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b").json(b),
        )
    };
    assert!(put(r#"{"name":"n","extra":"e"}"#).is_ok());
    assert_eq!(
        rules(put(r#"{"name":"n","other":1}"#).unwrap_err()),
        vec![("/body".into(), "undeclared-property".into())]
    );
}

#[test]
fn parameters() {
    let (v, r, _, _d) = build(ORDERS_30, &[]);
    let get = |t: &str| run(&v, &r, &req("GET", t).header("x-tenant", "acme"));
    assert_eq!(
        rules(get("/orders?limit=0").unwrap_err()),
        vec![("/query/limit".into(), "minimum".into())]
    );
    assert_eq!(
        rules(get("/orders?limit=x").unwrap_err()),
        vec![("/query/limit".into(), "type".into())]
    );
    assert_eq!(
        rules(get("/orders?limit=1&limit=2").unwrap_err()),
        vec![("/query/limit".into(), "duplicate-parameter".into())]
    );
    assert_eq!(
        rules(get("/orders?tags=a&tags=b&tags=c&tags=d").unwrap_err()),
        vec![("/query/tags".into(), "maxItems".into())]
    );
    assert_eq!(
        rules(get("/orders?ids=1,x").unwrap_err()),
        vec![("/query/ids/1".into(), "type".into())]
    );
    assert_eq!(
        rules(get("/orders?debug=1").unwrap_err()),
        vec![("/query".into(), "undeclared-parameter".into())]
    );
    assert_eq!(
        rules(get("/orders?q=%FF").unwrap_err()),
        vec![("/query".into(), "invalid-utf8".into())]
    );
    let no_tenant = run(&v, &r, &req("GET", "/orders"));
    assert_eq!(
        rules(no_tenant.unwrap_err()),
        vec![("/header/X-Tenant".into(), "required".into())]
    );
    let bad_cookie = run(
        &v,
        &r,
        &req("GET", "/orders")
            .header("x-tenant", "a")
            .header("cookie", "a=b; session=ab"),
    );
    assert_eq!(
        rules(bad_cookie.unwrap_err()),
        vec![("/cookie/session".into(), "minLength".into())]
    );
    let bad_id = run(&v, &r, &req("GET", "/orders/not-a-uuid"));
    assert_eq!(
        rules(bad_id.unwrap_err()),
        vec![("/path/id".into(), "format".into())]
    );
}

#[test]
fn media_types_and_bodies() {
    let (v, r, _, _d) = build(ORDERS_30, &[]);
    let post = |ct: &str, b: &[u8]| run(&v, &r, &req("POST", "/orders").body(ct, b));
    assert_eq!(post("text/plain", b"x"), Err(Deny::UnsupportedMediaType));
    assert_eq!(
        post(
            "application/json; charset=utf-8",
            br#"{"sku":"A","quantity":1}"#
        ),
        Ok(vec![])
    );
    // No body declared → any body is 415; required body missing → 400.
    let get_with_body = run(
        &v,
        &r,
        &req("GET", "/orders").header("x-tenant", "a").json("{}"),
    );
    assert_eq!(get_with_body, Err(Deny::UnsupportedMediaType));
    assert_eq!(
        rules(run(&v, &r, &req("POST", "/orders")).unwrap_err()),
        vec![("/body".into(), "required".into())]
    );
    assert_eq!(
        rules(post("application/json", br#"{"sku":"A","sku":"B","quantity":1}"#).unwrap_err()),
        vec![("/body".into(), "duplicate-key".into())]
    );
    assert_eq!(
        rules(post("application/x-www-form-urlencoded", b"sku=A&quantity=0").unwrap_err()),
        vec![("/body/quantity".into(), "minimum".into())]
    );
    assert_eq!(
        rules(
            post(
                "application/x-www-form-urlencoded",
                b"sku=A&sku=B&quantity=1"
            )
            .unwrap_err()
        ),
        vec![("/body".into(), "duplicate-field".into())]
    );
    // Multipart.
    let mp = |body: &str| {
        run(
            &v,
            &r,
            &req("POST", "/upload").body("multipart/form-data; boundary=XyZ", body.as_bytes()),
        )
    };
    let good = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n3\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n\x01\x02\r\n--XyZ--\r\n";
    assert_eq!(mp(good), Ok(vec![]));
    let long = good.replace("hello", "hello world!");
    assert_eq!(
        rules(mp(&long).unwrap_err()),
        vec![("/body/title".into(), "maxLength".into())]
    );
    assert_eq!(
        rules(mp("--XyZ\r\nbroken").unwrap_err()),
        vec![("/body".into(), "multipart-syntax".into())]
    );
    // XML: well-formed passes; DTD, entities and PIs refused.
    let x = |b: &str| {
        run(
            &v,
            &r,
            &req("POST", "/upload").body("application/xml", b.as_bytes()),
        )
    };
    assert_eq!(
        x("<?xml version=\"1.0\"?><a b=\"1\"><c>text &amp; more</c><d/></a>"),
        Ok(vec![])
    );
    assert_eq!(rules(x("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>").unwrap_err()), vec![("/body".into(), "xml-dtd".into())]);
    assert_eq!(
        rules(x("<a>&lol;</a>").unwrap_err()),
        vec![("/body".into(), "xml-entity".into())]
    );
    assert_eq!(
        rules(x("<a><b></a>").unwrap_err()),
        vec![("/body".into(), "xml-syntax".into())]
    );
    let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
    assert_eq!(
        rules(x(&deep).unwrap_err()),
        vec![("/body".into(), "max-depth".into())]
    );
    assert_eq!(
        rules(x("<a>' OR 1=1 --</a><b/>").unwrap_err()),
        vec![("/body".into(), "xml-syntax".into())]
    );
    assert_eq!(
        rules(x("<a><b>1' OR '1'='1</b></a>").unwrap_err()),
        vec![("/body".into(), "sql-injection".into())]
    );
}

#[test]
fn screening_block_monitor_and_exemptions() {
    let (v, r, _, _d) = build(ORDERS_30, &[]);
    let post = |b: &str| run(&v, &r, &req("POST", "/orders").json(b));
    assert_eq!(
        rules(post(r#"{"sku":"1' OR '1'='1","quantity":1}"#).unwrap_err()),
        vec![("/body/sku".into(), "sql-injection".into())]
    );
    let get = |t: &str| run(&v, &r, &req("GET", t).header("x-tenant", "acme"));
    assert_eq!(
        rules(get("/orders?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").unwrap_err()),
        vec![("/query/q".into(), "xss".into())]
    );
    assert_eq!(
        rules(get("/orders?q[$ne]=1").unwrap_err()),
        vec![("/query".into(), "undeclared-parameter".into())]
    );
    // Monitor: forwarded, finding returned; the exempt field is not screened at all.
    let notes = |b: &str| run(&v, &r, &req("POST", "/notes").json(b));
    let f = notes(r#"{"text":"<script>alert(1)</script>"}"#).unwrap();
    assert_eq!(
        f,
        vec![Finding {
            pointer: "/body/text".into(),
            class: screen::Class::Xss
        }]
    );
    assert_eq!(
        notes(r#"{"html":"<b onmouseover=alert(1)>x</b>"}"#),
        Ok(vec![])
    );
    assert_eq!(
        notes(r#"{"text":"O'Brien said: select a size"}"#),
        Ok(vec![])
    );
}

#[test]
fn nosql_operator_keys_where_free_form_objects_allowed() {
    let spec = r##"openapi: 3.1.0
info: {title: t, version: "1"}
x-gateway: {upstream: svc, strict: false}
paths:
  /login:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                user: {type: string}
                password: {}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let post = |b: &str| run(&v, &r, &req("POST", "/login").json(b));
    assert_eq!(post(r#"{"user":"bob","password":"x"}"#), Ok(vec![]));
    assert_eq!(
        rules(post(r#"{"user":"bob","password":{"$ne":null}}"#).unwrap_err()),
        vec![("/body/password".into(), "nosql-injection".into())]
    );
    assert_eq!(
        rules(post(r#"{"user":"bob","$where":"this.password.length > 0"}"#).unwrap_err()),
        vec![
            ("/body".into(), "nosql-injection".into()),
            ("/body/~".into(), "nosql-injection".into())
        ]
    );
}

#[test]
fn refs_across_files_and_refusals() {
    let spec = r##"openapi: 3.1.0
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "common.yaml#/Thing"}
      responses: {"200": {description: ok}}
  /b:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "https://example.com/schemas/thing.json"}
      responses: {"200": {description: ok}}
  /c:
    get:
      parameters:
        - {name: f, in: query, style: matrix, schema: {type: object}}
      responses: {"200": {description: ok}}
  /d:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Missing"}
      responses: {"200": {description: ok}}
"##;
    let common = "Thing:\n  type: [string, \"null\"]\n  maxLength: 3\n";
    let (v, r, report, _d) = build(spec, &[("common.yaml", common)]);
    let errs: Vec<(String, &str)> = report
        .errors
        .iter()
        .map(|e| (e.location.clone(), e.message.as_str()))
        .collect();
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert_eq!(
        errs[0].0,
        "/paths/~1b/post/requestBody/content/application~1json/schema/$ref"
    );
    assert!(errs[0].1.contains("network"));
    assert_eq!(errs[1].0, "/paths/~1c/get/parameters/0/style");
    assert_eq!(
        errs[2].0,
        "/paths/~1d/post/requestBody/content/application~1json/schema/$ref"
    );
    assert!(report.errors.iter().all(|e| e.file.ends_with("svc.yaml")));
    // The good operation still compiled.
    assert_eq!(run(&v, &r, &req("POST", "/a").json("null")), Ok(vec![]));
    assert_eq!(
        rules(run(&v, &r, &req("POST", "/a").json("\"abcd\"")).unwrap_err()),
        vec![("/body".into(), "maxLength".into())]
    );
}

#[test]
fn values_are_never_echoed() {
    let (v, r, _, _d) = build(ORDERS_30, &[]);
    let evil = "<script>alert(1)</script>";
    let body = format!(r#"{{"sku":"A","quantity":1,"{evil}":"{evil}"}}"#);
    let d = run(&v, &r, &req("POST", "/orders").json(&body)).unwrap_err();
    let text = String::from_utf8(d.body("id")).unwrap();
    assert!(!text.contains("script"), "{text}");
}

/// The public sample specs (`../shared/openapi-samples`), each as one file.
fn sample_files() -> Vec<std::path::PathBuf> {
    let Some(root) = crate::testenv::shared("openapi-samples") else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for sub in ["v3.0", "v3.1"] {
        let rd = std::fs::read_dir(root.join(sub))
            .unwrap_or_else(|e| panic!("shared/openapi-samples/{sub}: {e}"));
        files.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}

/// Operations a document declares (path item × HTTP method).
fn operations_in(doc: &Value) -> usize {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    doc["paths"]
        .as_object()
        .map(|paths| {
            paths
                .values()
                .map(|item| METHODS.iter().filter(|m| item.get(**m).is_some()).count())
                .sum()
        })
        .unwrap_or(0)
}

/// The README: "All public sample specs in `shared/openapi-samples` compile (22 operations)".
/// Every one loads without an error and every operation it declares gets its validators.
#[test]
fn public_samples_all_compile() {
    let files = sample_files();
    if files.is_empty() {
        return; // GATEWAY_TEST_SKIP lists `shared`
    }
    assert!(files.len() >= 10, "{files:?}");
    let mut total = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let mut doc: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        doc["x-gateway"] = serde_json::json!({"upstream": "svc"});
        let declared = operations_in(&doc);
        let y = serde_json::to_string(&doc).unwrap();
        let (v, _r, report, _d) = build(&y, &[]);
        let errors: Vec<String> = report
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.location, e.message))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
        let compiled = v.ops.iter().filter(|o| o.is_some()).count();
        assert_eq!(compiled, declared, "{}", f.display());
        total += compiled;
    }
    assert_eq!(total, 22, "the README's count of sample operations");
}

#[test]
fn strict_mode_through_one_of_with_parent_properties() {
    let spec = r##"openapi: 3.1.0
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
              oneOf:
                - {required: [bark], properties: {kind: {const: dog}, bark: {type: boolean}}}
                - {required: [meow], properties: {kind: {const: cat}, meow: {type: boolean}}}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let post = |b: &str| run(&v, &r, &req("POST", "/pets").json(b));
    assert_eq!(post(r#"{"kind":"dog","bark":true}"#), Ok(vec![]));
    assert_eq!(post(r#"{"kind":"cat","meow":false}"#), Ok(vec![]));
    assert!(post(r#"{"kind":"dog","bark":true,"evil":1}"#).is_err());
    assert!(post(r#"{"kind":"dog","meow":true}"#).is_err());
}

const XML_SPEC: &str = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /pets:
    post:
      requestBody:
        content:
          application/xml:
            schema: {$ref: "#/components/schemas/Pet"}
      responses: {"200": {description: ok}}
components:
  schemas:
    Pet:
      type: object
      xml: {name: pet}
      required: [name]
      properties:
        id: {type: integer, minimum: 1, xml: {attribute: true}}
        name: {type: string, maxLength: 20}
        age: {type: integer, maximum: 40}
        vaccinated: {type: boolean}
        tags:
          type: array
          maxItems: 2
          xml: {wrapped: true}
          items: {type: string, xml: {name: tag}}
        photoUrls:
          type: array
          items: {type: string, xml: {name: photo}}
        owner:
          type: object
          properties:
            email: {type: string, format: email}
"##;

#[test]
fn xml_bodies_are_mapped_onto_their_schema() {
    let (v, r, report, _d) = build(XML_SPEC, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let x = |b: &str| {
        run(
            &v,
            &r,
            &req("POST", "/pets").body("application/xml", b.as_bytes()),
        )
    };
    // Attributes, typed text, wrapped and unwrapped arrays, nested objects, namespaces.
    assert_eq!(
        x(r#"<?xml version="1.0"?>
            <p:pet xmlns:p="urn:pets" id="7">
              <p:name>Rex &amp; Co</p:name><age>3</age><vaccinated>true</vaccinated>
              <tags><tag>good</tag><tag>boy</tag></tags>
              <photo>a.png</photo><photo>b.png</photo>
              <owner><email>ann@example.com</email></owner>
            </p:pet>"#),
        Ok(vec![])
    );
    let bad = |b: &str| rules(x(b).unwrap_err());
    assert_eq!(
        bad("<pet><age>3</age></pet>"),
        vec![("/body".into(), "required".into())]
    );
    assert_eq!(
        bad(r#"<pet id="0"><name>a</name></pet>"#),
        vec![("/body/id".into(), "minimum".into())]
    );
    assert_eq!(
        bad("<pet><name>a</name><age>old</age></pet>"),
        vec![("/body/age".into(), "type".into())]
    );
    assert_eq!(
        bad("<pet><name>a</name><tags><tag>1</tag><tag>2</tag><tag>3</tag></tags></pet>"),
        vec![("/body/tags".into(), "maxItems".into())]
    );
    assert_eq!(
        bad("<pet><name>a</name><owner><email>nope</email></owner></pet>"),
        vec![("/body/owner/email".into(), "format".into())]
    );
    // Strict mode: an element or attribute the schema does not declare is refused.
    assert_eq!(
        bad("<pet><name>a</name><isAdmin>true</isAdmin></pet>"),
        vec![("/body".into(), "undeclared-property".into())]
    );
    assert_eq!(
        bad(r#"<pet role="admin"><name>a</name></pet>"#),
        vec![("/body".into(), "undeclared-property".into())]
    );
    assert_eq!(
        bad("<pet><name>a</name><name>b</name></pet>"),
        vec![("/body/name".into(), "duplicate-field".into())]
    );
    // Screening sees the mapped values, with the same exemptions as JSON.
    assert_eq!(
        bad("<pet><name>x' OR '1'='1</name></pet>"),
        vec![("/body/name".into(), "sql-injection".into())]
    );
    assert_eq!(
        bad(r#"<pet><name>a</name><photo>&lt;script&gt;alert(1)&lt;/script&gt;</photo></pet>"#),
        vec![("/body/photoUrls/0".into(), "xss".into())]
    );
    // The safe reader still comes first.
    assert_eq!(
        bad(
            "<!DOCTYPE pet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><pet><name>&x;</name></pet>"
        ),
        vec![("/body".into(), "xml-dtd".into())]
    );
}

#[test]
fn undeclared_headers_and_cookies_are_screened() {
    let (v, r, _, _d) = build(ORDERS_30, &[]);
    let get = |h: &[(&str, &str)]| {
        let mut q = req("GET", "/orders");
        q.headers.insert("x-tenant", "acme".parse().unwrap());
        for (k, val) in h {
            q.headers.append(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                val.parse().unwrap(),
            );
        }
        run(&v, &r, &q)
    };
    // What browsers, SDKs and proxies really send passes.
    let benign = [
        ("user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"),
        ("user-agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
        ("user-agent", "curl/8.5.0"),
        ("user-agent", "python-requests/2.32.3"),
        ("user-agent", "Go-http-client/2.0"),
        ("user-agent", "okhttp/4.12.0"),
        ("user-agent", "aws-sdk-java/2.25.40 Linux/5.15 OpenJDK_64-Bit_Server_VM/17.0.10+7 Java/17.0.10 vendor/Eclipse_Adoptium io/sync http/Apache cfg/retry-mode/legacy"),
        ("referer", "https://shop.example.com/cart?item=42&ref=mail"),
        ("origin", "https://shop.example.com"),
        ("x-correlation-id", "3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"),
        ("x-client-version", "ios-5.12.1 (build 1234)"),
        ("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        ("sec-ch-ua", "\"Chromium\";v=\"126\", \"Not.A/Brand\";v=\"24\""),
        ("cookie", "session=abc123def456; theme=dark; consent=yes"),
        ("if-none-match", "W/\"0815\""),
        ("if-match", "\"33a64df551425fcc55e4d42a148795d9f25f89d4\""),
        ("if-modified-since", "Wed, 21 Oct 2015 07:28:00 GMT"),
        ("range", "bytes=200-1000, 2000-6576"),
        ("cache-control", "no-cache, max-age=0"),
        ("accept-language", "de-CH,de;q=0.9,en-US;q=0.8,en;q=0.7"),
        ("accept-encoding", "gzip, deflate, br, zstd"),
        ("sec-fetch-mode", "navigate"),
        ("sec-ch-ua-platform", "\"macOS\""),
        ("x-forwarded-host", "shop.example.com"),
        ("content-type", "application/json; charset=utf-8"),
    ];
    for (k, val) in benign {
        assert_eq!(get(&[(k, val)]), Ok(vec![]), "{k}: {val}");
    }
    let attacks = [
        (
            "user-agent",
            "Mozilla/5.0' OR 1=1 --",
            "/header/user-agent",
            "sql-injection",
        ),
        (
            "referer",
            "https://x.example/<script>alert(1)</script>",
            "/header/referer",
            "xss",
        ),
        (
            "x-forwarded-user",
            "admin' UNION SELECT password FROM users--",
            "/header/x-forwarded-user",
            "sql-injection",
        ),
        (
            "cookie",
            "theme=dark; pref=1' OR '1'='1",
            "/cookie/pref",
            "sql-injection",
        ),
        ("cookie", "user[$ne]=x", "/cookie/~", "nosql-injection"),
        // Not exempt: forwarded whenever an operator drops it from `headers.strip`.
        (
            "x-forwarded-host",
            "<script>alert(1)</script>",
            "/header/x-forwarded-host",
            "xss",
        ),
        (
            "if-none-match",
            "\"x\" UNION SELECT password FROM users--",
            "/header/if-none-match",
            "sql-injection",
        ),
    ];
    for (k, val, ptr, rule) in attacks {
        assert_eq!(
            rules(get(&[(k, val)]).unwrap_err()),
            vec![(ptr.to_string(), rule.to_string())],
            "{k}: {val}"
        );
    }
}

const UPLOAD_SPEC: &str = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /files:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                title: {type: string}
                avatar: {type: string, format: binary}
                doc: {type: string, format: binary}
            encoding:
              avatar: {contentType: "image/png, image/jpeg"}
      responses: {"200": {description: ok}}
"##;

#[test]
fn multipart_file_parts_are_checked_and_screened() {
    let (v, r, report, _d) = build(UPLOAD_SPEC, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let post = |parts: &[(&str, Option<&str>, Option<&str>, &[u8])]| {
        let mut body = Vec::new();
        for (name, file, ctype, content) in parts {
            body.extend_from_slice(b"--B\r\nContent-Disposition: form-data; name=\"");
            body.extend_from_slice(name.as_bytes());
            body.extend_from_slice(b"\"");
            if let Some(f) = file {
                body.extend_from_slice(format!("; filename=\"{f}\"").as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            if let Some(c) = ctype {
                body.extend_from_slice(format!("Content-Type: {c}\r\n").as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(b"--B--\r\n");
        run(
            &v,
            &r,
            &req("POST", "/files").body("multipart/form-data; boundary=B", &body),
        )
    };
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00' OR '1'='1 <script>";
    // Binary content is data: not screened, not required to be UTF-8.
    assert_eq!(
        post(&[
            ("title", None, None, b"Holiday"),
            ("avatar", Some("me.png"), Some("image/png"), png)
        ]),
        Ok(vec![])
    );
    let bad = |parts: &[(&str, Option<&str>, Option<&str>, &[u8])]| rules(post(parts).unwrap_err());
    // encoding.contentType holds.
    assert_eq!(
        bad(&[("avatar", Some("me.svg"), Some("image/svg+xml"), b"<svg/>")]),
        vec![("/body/avatar".into(), "content-type".into())]
    );
    assert_eq!(
        bad(&[("avatar", Some("me.png"), None, png)]),
        vec![("/body/avatar".into(), "content-type".into())]
    );
    // File names are screened like values.
    assert_eq!(
        bad(&[(
            "doc",
            Some("x' UNION SELECT password FROM users--.pdf"),
            Some("application/pdf"),
            b"%PDF"
        )]),
        vec![("/body/doc".into(), "sql-injection".into())]
    );
    // Markup a browser would run is screened for XSS (stored XSS through uploads).
    assert_eq!(
        bad(&[(
            "doc",
            Some("a.svg"),
            Some("image/svg+xml"),
            b"<svg onload=\"alert(1)\"></svg>"
        )]),
        vec![("/body/doc".into(), "xss".into())]
    );
    // Not well-formed: no browser renders it as SVG, and the gateway refuses it.
    assert_eq!(
        bad(&[(
            "doc",
            Some("a.svg"),
            Some("image/svg+xml"),
            b"<svg onload=alert(1)></svg>"
        )]),
        vec![("/body/doc".into(), "xml-syntax".into())]
    );
    assert_eq!(
        bad(&[(
            "doc",
            Some("a.svg"),
            Some("image/svg+xml"),
            b"<svg><script>alert(1)</script></svg>"
        )]),
        vec![("/body/doc".into(), "xss".into())]
    );
    assert_eq!(
        bad(&[("doc", Some("a.svg"), Some("image/svg+xml"), b"<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\" JaVa\tScript:alert(1)\"><rect/></a></svg>")]),
        vec![("/body/doc".into(), "xss".into())]
    );
    assert_eq!(
        bad(&[(
            "doc",
            Some("a.html"),
            Some("text/html"),
            b"<p>hi</p><img src=x onerror=alert(1)>"
        )]),
        vec![("/body/doc".into(), "xss".into())]
    );
    // An SVG with a DTD (XXE, billion laughs) is refused by the safe reader.
    assert_eq!(
        bad(&[(
            "doc",
            Some("a.svg"),
            Some("image/svg+xml"),
            b"<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>"
        )]),
        vec![("/body/doc".into(), "xml-dtd".into())]
    );
    // A plain drawing passes.
    assert_eq!(
        post(&[("doc", Some("a.svg"), Some("image/svg+xml"), b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" fill=\"#0af\"/><a href=\"https://example.com/\"><text>O'Brien &amp; sons</text></a></svg>")]),
        Ok(vec![])
    );
}

#[test]
fn review_hardening_of_uploads_and_xml() {
    // Multipart: an encoded `filename*` is decoded before screening; an upload named like
    // markup is screened as markup whatever Content-Type it claims.
    let (v, r, _, _d) = build(UPLOAD_SPEC, &[]);
    let post = |disposition: &str, ctype: &str, content: &[u8]| {
        let mut body = format!(
            "--B\r\nContent-Disposition: form-data; name=\"doc\"; {disposition}\r\nContent-Type: {ctype}\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n--B--\r\n");
        run(
            &v,
            &r,
            &req("POST", "/files").body("multipart/form-data; boundary=B", &body),
        )
    };
    assert_eq!(
        rules(
            post(
                "filename*=UTF-8''x%27%20UNION%20SELECT%20password%20FROM%20users--.pdf",
                "application/pdf",
                b"%PDF"
            )
            .unwrap_err()
        ),
        vec![("/body/doc".into(), "sql-injection".into())]
    );
    assert_eq!(
        rules(post("filename*=UTF-8''%ZZ.pdf", "application/pdf", b"%PDF").unwrap_err()),
        vec![("/body".into(), "multipart-syntax".into())]
    );
    assert_eq!(
        post(
            "filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
            "application/pdf",
            b"%PDF"
        ),
        Ok(vec![])
    );
    assert_eq!(
        rules(
            post(
                "filename=\"a.svg\"",
                "image/png",
                b"<svg><script>alert(1)</script></svg>"
            )
            .unwrap_err()
        ),
        vec![("/body/doc".into(), "xss".into())]
    );
    assert_eq!(
        rules(
            post(
                "filename=\"a.html\"",
                "application/octet-stream",
                b"<img src=x onerror=alert(1)>"
            )
            .unwrap_err()
        ),
        vec![("/body/doc".into(), "xss".into())]
    );

    // XML: nothing outside the mapped values may carry data.
    let (v, r, _, _d) = build(XML_SPEC, &[]);
    let x = |b: &str| {
        rules(
            run(
                &v,
                &r,
                &req("POST", "/pets").body("application/xml", b.as_bytes()),
            )
            .unwrap_err(),
        )
    };
    assert_eq!(
        x(r#"<pet xmlns:p="<script>alert(1)</script>"><name>a</name></pet>"#),
        vec![("/body".into(), "xml-namespace".into())]
    );
    assert_eq!(
        x(r#"<pet><name>a</name><tags note="' OR 1=1"><tag>x</tag></tags></pet>"#),
        vec![("/body/tags".into(), "undeclared-property".into())]
    );
    assert_eq!(
        x("<pet><name>a</name><tags>free text<tag>x</tag></tags></pet>"),
        vec![("/body/tags".into(), "undeclared-property".into())]
    );
}

/// A spec that exercises every path of the screening plan: `$ref`s (recursive too), `allOf`,
/// `anyOf`, `oneOf` with parent properties, `additionalProperties` schemas, strict formats,
/// enums, `x-gateway-screening: off`, and a declared `$`-key.
const PLAN_SPEC: &str = r##"openapi: 3.1.0
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
paths:
  /docs:
    post:
      security: []
      x-gateway-strict: false
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                tree: {$ref: "#/components/schemas/Node"}
                order: {$ref: "#/components/schemas/Order"}
                any:
                  anyOf:
                    - {type: string, format: uuid}
                    - {type: integer}
                free: {type: object, additionalProperties: {type: string, x-gateway-screening: "off"}}
                $where: {type: string}
                tags: {type: array, items: {type: string, enum: [a, b]}}
                note: {type: string}
              oneOf:
                - properties: {kind: {type: string, enum: [x]}, text: {type: string}}
                - properties: {count: {type: integer}}
                  additionalProperties: {type: string, format: date-time}
  /loose:
    post:
      security: []
      requestBody:
        content:
          application/json:
            schema: {type: object, additionalProperties: true}
components:
  schemas:
    Node:
      type: object
      properties:
        name: {type: string}
        id: {type: string, format: uuid}
        children: {type: array, items: {$ref: "#/components/schemas/Node"}}
    Base:
      type: object
      properties:
        id: {type: string, format: uuid}
        note: {type: string}
    Order:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: object
          properties:
            lines:
              type: array
              items:
                type: object
                properties:
                  sku: {type: string}
                  qty: {type: integer}
                additionalProperties: {type: string}
            when: {type: string, format: date-time}
"##;

/// Every name under some `properties` of a schema, for generating documents that follow it.
fn property_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(p) = m.get("properties").and_then(Value::as_object) {
                out.extend(p.keys().cloned());
            }
            m.values().for_each(|x| property_names(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| property_names(x, out)),
        _ => {}
    }
}

/// A generated JSON document over `keys`, at most `depth` levels deep.
fn gen_doc(g: &mut crate::testgen::XorShift, keys: &[String], depth: usize) -> Value {
    const TEXT: [&str; 8] = [
        "plain words",
        "1' OR '1'='1",
        "<script>alert(1)</script>",
        "2024-01-01T00:00:00Z",
        "'; return this.password == 'x",
        "O'Brien",
        "a",
        "SKU_123",
    ];
    match g.next() % if depth == 0 { 3 } else { 6 } {
        0 | 1 => Value::String(g.pick(&TEXT).to_string()),
        2 => Value::from(g.next() % 100),
        3 => Value::Array(
            (0..g.next() % 4)
                .map(|_| gen_doc(g, keys, depth - 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..g.next() % 5)
                .map(|_| (g.pick(keys).clone(), gen_doc(g, keys, depth - 1)))
                .collect(),
        ),
    }
}

/// The compiled plan finds exactly what the per-request schema walk finds (same pointers,
/// same classes, same order), on generated documents over the test spec's schemas and, where
/// they are checked out beside the repository, the public sample specs.
#[test]
fn plan_screens_as_the_schema_walk() {
    let mut specs = vec![PLAN_SPEC.to_string()];
    for f in sample_files() {
        let text = std::fs::read_to_string(&f).unwrap();
        let mut doc: Value = serde_saphyr::from_str(&text).unwrap();
        doc["x-gateway"] = serde_json::json!({"upstream": "svc"});
        specs.push(serde_json::to_string(&doc).unwrap());
    }
    let mut g = crate::testgen::XorShift(0x9E37_79B9_7F4A_7C15);
    let (mut schemas, mut docs, mut findings) = (0, 0, 0);
    for spec in &specs {
        let (v, _r, _report, _d) = build(spec, &[]);
        for op in v.ops.iter().flatten() {
            for m in op.body.iter().flat_map(|b| &b.media) {
                if m.validator.is_none() {
                    continue;
                }
                let plan = m.plan.as_ref().expect("every test schema gets a plan");
                schemas += 1;
                let mut keys = Vec::new();
                property_names(&m.schema, &mut keys);
                keys.extend(["$ne", "$where", "other", "select"].map(String::from));
                for _ in 0..1_000 {
                    let doc = gen_doc(&mut g, &keys, 5);
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let mut ptr = String::from("/body");
                    screen_json(&m.schema, &[(&m.schema, true)], &doc, &mut ptr, &mut a);
                    plan.screen(&doc, &mut String::from("/body"), &mut b);
                    assert_eq!(a, b, "{doc}");
                    docs += 1;
                    findings += a.len();
                }
            }
        }
    }
    println!("{schemas} schemas, {docs} documents, {findings} findings: plan = schema walk");
    // The test spec alone (the samples are not beside every checkout) yields about 2000.
    assert!(schemas >= 2 && findings > 1_000, "{schemas} {findings}");
    // The plan does skip what the schema exempts: an attack string under a uuid format, an
    // enum or `x-gateway-screening: off` is not screened (schema validation refuses the first
    // two), the same string in free text is.
    let (v, _r, _report, _d) = build(PLAN_SPEC, &[]);
    let m = &v
        .ops
        .iter()
        .flatten()
        .next()
        .unwrap()
        .body
        .as_ref()
        .unwrap()
        .media[0];
    let plan = m.plan.as_ref().unwrap();
    let attack = "1' OR '1'='1";
    let found = |doc: Value| {
        let mut out = Vec::new();
        plan.screen(&doc, &mut String::from("/body"), &mut out);
        out.into_iter().map(|f| f.pointer).collect::<Vec<_>>()
    };
    assert!(found(serde_json::json!({"tree": {"id": attack}})).is_empty());
    assert!(found(serde_json::json!({"tags": [attack], "free": {"k": attack}})).is_empty());
    assert_eq!(
        found(serde_json::json!({"tree": {"children": [{"name": attack}]}, "note": attack})),
        ["/body/tree/children/0/name", "/body/note"]
    );
    assert_eq!(
        found(serde_json::json!({"$where": "x", "$gt": 1})),
        ["/body"]
    );
    // A strict format in one `oneOf` branch does not exempt a field when the document
    // satisfies the other branch (it once did: any candidate's format exempted the value).
    let (v, r, _report, _d) = build(PLAN_SPEC, &[]);
    let body = serde_json::json!({"kind": "x", "note": attack}).to_string();
    match run(&v, &r, &req("POST", "/docs").json(&body)) {
        Err(d @ Deny::InjectionBlocked(_)) => {
            assert_eq!(rules(d), [("/body/note".into(), "sql-injection".into())])
        }
        other => panic!("{other:?}"),
    }
    let body = serde_json::json!({"kind": "x", "note": "gift wrap"}).to_string();
    assert!(run(&v, &r, &req("POST", "/docs").json(&body)).is_ok());
}

/// `spaceDelimited` and `pipeDelimited` query arrays (README: parameters, non-exploded arrays):
/// split on their own separator, each item checked, and a comma is not a separator for them.
#[test]
fn space_and_pipe_delimited_query_arrays() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: "1"}
x-gateway: {upstream: svc}
security: []
paths:
  /s:
    get:
      parameters:
        - {name: ids, in: query, style: spaceDelimited, explode: false, schema: {type: array, items: {type: integer}, maxItems: 3}}
        - {name: tags, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string, enum: [a, b, c]}}}
      responses: {"200": {description: ok}}
"##;
    let (v, r, report, _d) = build(spec, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let get = |t: &str| run(&v, &r, &req("GET", t));
    assert!(get("/s?ids=1%202%203").is_ok());
    assert!(get("/s?ids=1+2+3").is_ok());
    assert!(get("/s?tags=a|b|c").is_ok());
    assert!(get("/s?tags=a%7Cc&ids=7").is_ok());
    assert_eq!(
        rules(get("/s?ids=1%20x").unwrap_err()),
        vec![("/query/ids/1".into(), "type".into())]
    );
    assert_eq!(
        rules(get("/s?ids=1%202%203%204").unwrap_err()),
        vec![("/query/ids".into(), "maxItems".into())]
    );
    // A comma is not the separator here: "1,2" is one item, not an integer.
    assert_eq!(
        rules(get("/s?ids=1,2").unwrap_err()),
        vec![("/query/ids/0".into(), "type".into())]
    );
    assert_eq!(
        rules(get("/s?tags=a|d").unwrap_err()),
        vec![("/query/tags/1".into(), "enum".into())]
    );
    assert_eq!(
        rules(get("/s?tags=a,b").unwrap_err()),
        vec![("/query/tags/0".into(), "enum".into())]
    );
}
