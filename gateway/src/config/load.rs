//! `gateway.yaml`, `policies/` and `openapi/` → one validated [`Config`]: every file read,
//! every mistake reported with its file and location, each pillar's `compile` called, and the
//! route plans built. Load time only.

use super::read::{parse_addr, read_pem_certs, read_pem_key};
use super::upstreams::compile_upstream;
use super::*;

/// Load `gateway.yaml` and everything it points to. `Err` holds every error found.
pub fn load(path: &Path) -> Result<Config, Report> {
    let mut report = Report::default();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            report.error(path, "", format!("cannot read: {e}"));
            return Err(report);
        }
    };
    let Some(gw) = parse_yaml::<GatewayFile>(path, &text, &mut report) else {
        return Err(report);
    };
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let cfg = compile(path, &base, gw, &mut report);
    report.collapse();
    match cfg {
        Some(c) if report.errors.is_empty() => Ok(Config {
            warnings: report.warnings,
            ..c
        }),
        _ => Err(report),
    }
}

fn compile(path: &Path, base: &Path, gw: GatewayFile, report: &mut Report) -> Option<Config> {
    // Listeners.
    let mut listeners = Vec::new();
    if gw.listeners.is_empty() {
        report.error(path, "listeners", "at least one listener is required");
    }
    for (i, l) in gw.listeners.iter().enumerate() {
        let loc = format!("listeners[{i}]");
        let address = match parse_addr(&l.address) {
            Ok(a) => Some(a),
            Err(e) => {
                report.error(path, format!("{loc}.address"), e);
                None
            }
        };
        let tls = match (&l.tls, l.plaintext) {
            (Some(_), true) => {
                report.error(path, &loc, "`tls` and `plaintext: true` exclude each other");
                None
            }
            (None, false) => {
                report.error(
                    path,
                    &loc,
                    "a listener needs `tls`, or an explicit `plaintext: true`",
                );
                None
            }
            (None, true) if l.client_ca.is_some() => {
                report.error(
                    path,
                    format!("{loc}.client_ca"),
                    "client certificates need a TLS listener",
                );
                None
            }
            (None, true) => {
                report.warn(
                    path,
                    &loc,
                    "plaintext listener: only behind a TLS-terminating proxy",
                );
                None
            }
            (Some(t), false) => {
                let min_version = match t.min_version.as_str() {
                    "1.3" => Some(MinTls::V13),
                    "1.2" => Some(MinTls::V12),
                    other => {
                        report.error(
                            path,
                            format!("{loc}.tls.min_version"),
                            format!("{other:?} is not \"1.2\" or \"1.3\""),
                        );
                        None
                    }
                };
                let cert = resolve_relative(base, &t.cert);
                let key = resolve_relative(base, &t.key);
                if let Err(e) = read_pem_certs(&cert) {
                    report.error(path, format!("{loc}.tls.cert"), e);
                }
                if let Err(e) = read_pem_key(&key) {
                    report.error(path, format!("{loc}.tls.key"), e);
                }
                let client_ca = l.client_ca.as_ref().map(|c| {
                    crate::clientcert::ClientCa::compile(
                        c,
                        path,
                        &format!("{loc}.client_ca"),
                        base,
                        report,
                    )
                });
                match (min_version, client_ca) {
                    (Some(min_version), None) => Some(EdgeTls {
                        cert,
                        key,
                        min_version,
                        client_ca: None,
                    }),
                    (Some(min_version), Some(Some(ca))) => Some(EdgeTls {
                        cert,
                        key,
                        min_version,
                        client_ca: Some(ca),
                    }),
                    _ => None,
                }
            }
        };
        if let Some(address) = address {
            if l.tls.is_some() && tls.is_none() {
                continue;
            }
            listeners.push(Listener { address, tls });
        }
    }
    let admin = match parse_addr(&gw.admin.address) {
        Ok(a) => {
            if listeners.iter().any(|l| l.address.port() == a.port()) {
                report.error(
                    path,
                    "admin.address",
                    "the admin listener must not share a port with a public listener",
                );
            }
            Some(a)
        }
        Err(e) => {
            report.error(path, "admin.address", e);
            None
        }
    };
    let mut trusted_proxies = Vec::new();
    for (i, t) in gw.trusted_proxies.iter().enumerate() {
        let parsed = t
            .parse::<IpNet>()
            .or_else(|_| t.parse::<IpAddr>().map(IpNet::from));
        match parsed {
            Ok(n) => trusted_proxies.push(n),
            Err(_) => report.error(
                path,
                format!("trusted_proxies[{i}]"),
                format!("{t:?} is not an IP address or CIDR"),
            ),
        }
    }
    let lf = &gw.limits;
    for (name, v) in [
        ("max_header_bytes", lf.max_header_bytes as u64),
        ("max_headers", lf.max_headers as u64),
        ("max_body_bytes", lf.max_body_bytes),
        ("max_path_bytes", lf.max_path_bytes as u64),
        ("max_connections", lf.max_connections as u64),
        ("max_inflight", lf.max_inflight as u64),
        ("max_json_depth", lf.max_json_depth as u64),
        ("max_json_string_bytes", lf.max_json_string_bytes as u64),
        ("max_json_array_items", lf.max_json_array_items as u64),
        ("max_json_object_keys", lf.max_json_object_keys as u64),
    ] {
        if v == 0 {
            report.error(path, format!("limits.{name}"), "must be greater than 0");
        }
    }
    if lf.max_headers > 256 {
        report.error(
            path,
            "limits.max_headers",
            "at most 256 (Pingora's parser limit)",
        );
    }
    for (name, d) in [
        ("header_timeout", lf.header_timeout),
        ("body_timeout", lf.body_timeout),
        ("body_deadline", lf.body_deadline),
        ("idle_timeout", lf.idle_timeout),
    ] {
        if d.is_zero() {
            report.error(path, format!("limits.{name}"), "must be greater than 0");
        }
    }
    let limits = Limits {
        max_header_bytes: lf.max_header_bytes,
        max_headers: lf.max_headers,
        max_body_bytes: lf.max_body_bytes,
        header_timeout: lf.header_timeout,
        body_timeout: lf.body_timeout,
        body_deadline: lf.body_deadline,
        idle_timeout: lf.idle_timeout,
        max_connections: lf.max_connections,
        max_inflight: lf.max_inflight,
    };
    let mut headers = HeaderPolicy {
        strip: gw
            .headers
            .strip
            .iter()
            .map(|s| s.to_ascii_lowercase())
            .collect(),
        strip_prefixes: gw
            .headers
            .strip_prefixes
            .iter()
            .map(|s| s.to_ascii_lowercase())
            .collect(),
        underscores: gw.headers.underscores,
        method_override: gw.headers.method_override,
        declared_underscore: Vec::new(),
    };
    if gw.server.threads == 0 {
        report.error(path, "server.threads", "must be greater than 0");
    }
    let server = ServerSettings {
        threads: gw.server.threads,
        grace_period_seconds: gw.server.grace_period_seconds,
        graceful_shutdown_timeout_seconds: gw.server.graceful_shutdown_timeout_seconds,
        upstream_keepalive_pool_size: gw.server.upstream_keepalive_pool_size,
        work_stealing: gw.server.work_stealing,
        preserve_header_case: gw.server.preserve_header_case,
    };

    // Policies.
    let policies_dir = resolve_relative(base, &gw.paths.policies);
    let mut rate_limit_files = Vec::new();
    let mut route_policies = Vec::new();
    let (upstreams, auth_files) = load_policies(
        path,
        &policies_dir,
        &mut rate_limit_files,
        &mut route_policies,
        report,
    );

    // Specs → routes.
    let openapi_dir = resolve_relative(base, &gw.paths.openapi);
    let mut router = Router::default();
    let mut allow_semicolon = false;
    let mut specs = Vec::new();
    match list_files(&openapi_dir, &["yaml", "yml", "json"]) {
        Ok(files) => {
            if files.is_empty() {
                report.warn(
                    &openapi_dir,
                    "",
                    "no OpenAPI specs: every request will be refused with 404",
                );
            }
            for f in files {
                if let Some(s) = spec::load(&f, report) {
                    allow_semicolon |= s.declares_matrix_params;
                    spec::add_routes(&f, &s, &upstreams, &mut router, report);
                    specs.push((f, s));
                }
            }
        }
        Err(e) => report.error(path, "paths.openapi", e),
    }

    headers.declared_underscore =
        crate::spec::declared_underscore_headers(&specs, &headers, report);

    let rate_limits =
        crate::ratelimit::policy::compile(rate_limit_files, &router, &upstreams, report);
    let audit = gw
        .audit
        .as_ref()
        .and_then(|a| crate::audit::AuditSettings::compile(a, path, base, report));
    let tracing = gw
        .tracing
        .as_ref()
        .and_then(|t| crate::otel::TracingSettings::compile(t, path, base, report));
    // Specs → prepared validators, per route.
    let validation = crate::validate::Validation {
        ops: crate::validate::compile_all(&specs, &openapi_dir, &router, report),
        caps: crate::validate::Caps {
            max_depth: lf.max_json_depth,
            max_string_bytes: lf.max_json_string_bytes,
            max_array_items: lf.max_json_array_items,
            max_object_keys: lf.max_json_object_keys,
        },
    };

    // The whole documents against the OAS meta-schemas, last: what the checks above already
    // reported at a pointer is not said again (metaschema.rs).
    crate::metaschema::check_all(&specs, report);

    let canon = CanonOptions {
        allow_semicolon,
        max_len: lf.max_path_bytes,
    };
    let (auth, route_auth) = crate::auth::compile(auth_files, router.routes(), report)?;
    let auth = Arc::new(auth);
    // Deny by default, visibly: routes nobody can call are worth a warning.
    for r in router.routes() {
        let unspecified = route_auth
            .get(r.id)
            .is_some_and(|a| a.security == crate::auth::scopes::Security::Unspecified);
        if unspecified {
            report.warn(
                &openapi_dir,
                format!("{} {}", r.method, r.template),
                "no security requirement and no policy: every request is refused (403)",
            );
        }
    }
    // `mutualTLS` routes need a listener that asks for client certificates.
    let asks_for_certs = listeners
        .iter()
        .any(|l| l.tls.as_ref().is_some_and(|t| t.client_ca.is_some()));
    if !asks_for_certs {
        let mtls = router
            .routes()
            .iter()
            .filter(|r| route_auth.get(r.id).is_some_and(|a| a.accepts_mtls))
            .count();
        if mtls > 0 {
            report.warn(
                path,
                "listeners",
                format!("{mtls} route(s) accept `mutualTLS` but no listener has `client_ca`: no client certificate can reach them"),
            );
        }
    }
    let plans = crate::pipeline::build(
        crate::pipeline::Inputs {
            router: &router,
            route_auth,
            rate_limits: &rate_limits,
            validation,
            specs: &specs,
            route_policies,
        },
        report,
    );
    Some(Config {
        source: path.to_path_buf(),
        server,
        listeners,
        admin: admin?,
        trusted_proxies,
        limits,
        headers,
        canon,
        upstreams,
        router,
        auth,
        rate_limits,
        audit,
        plans,
        tracing,
        policies_dir,
        openapi_dir,
        warnings: Vec::new(),
    })
}

type PolicyParts = (
    BTreeMap<String, Arc<Upstream>>,
    Vec<(PathBuf, crate::auth::AuthSections)>,
);

fn load_policies(
    gw_path: &Path,
    dir: &Path,
    rate_limits: &mut Vec<(PathBuf, crate::ratelimit::policy::RateLimitsFile)>,
    route_policies: &mut Vec<(PathBuf, Vec<serde_json::Value>)>,
    report: &mut Report,
) -> PolicyParts {
    let mut upstreams = BTreeMap::new();
    let mut auth_files = Vec::new();
    let files = match list_files(dir, &["yaml", "yml"]) {
        Ok(f) => f,
        Err(e) => {
            report.error(gw_path, "paths.policies", e);
            return (upstreams, auth_files);
        }
    };
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for f in files {
        let text = match std::fs::read_to_string(&f) {
            Ok(t) => t,
            Err(e) => {
                report.error(&f, "", format!("cannot read: {e}"));
                continue;
            }
        };
        let Some(pf) = parse_yaml::<PolicyFile>(&f, &text, report) else {
            continue;
        };
        let base = f.parent().unwrap_or(Path::new(".")).to_path_buf();
        auth_files.push((
            f.clone(),
            crate::auth::AuthSections {
                issuers: pf.issuers,
                auth: pf.auth,
                api_keys: pf.api_keys,
                tenants: pf.tenants,
                clients: pf.clients,
                routes: pf.routes,
                assertion: pf.assertion,
                client_certificates: pf.client_certificates,
            },
        ));
        if let Some(rl) = pf.rate_limits {
            rate_limits.push((f.clone(), rl));
        }
        if !pf.route_policies.is_empty() {
            route_policies.push((f.clone(), pf.route_policies));
        }
        for (name, u) in pf.upstreams {
            let loc = format!("upstreams.{name}");
            if let Some(prev) = seen.get(&name) {
                report.error(
                    &f,
                    &loc,
                    format!(
                        "upstream {name:?} is already declared in {}",
                        prev.display()
                    ),
                );
                continue;
            }
            seen.insert(name.clone(), f.clone());
            if let Some(up) = compile_upstream(&f, &base, &loc, &name, u, report) {
                upstreams.insert(name, Arc::new(up));
            }
        }
    }
    (upstreams, auth_files)
}
