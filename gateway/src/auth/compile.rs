//! Loading: every policy file's auth sections and the routes → the shared [`Auth`] model
//! (issuers, keys, API keys, the verified-token cache) and each route's [`RoutePolicy`].
//! Load time only: nothing here runs on the request path.

use super::*;

const DEFAULT_ALGS: [Algorithm; 4] = [
    Algorithm::RS256,
    Algorithm::PS256,
    Algorithm::ES256,
    Algorithm::EdDSA,
];

/// Build the auth model from every policy file's auth sections and the routes: the shared
/// model (issuers, keys, cache) and each route's policy, by route id (for the plan builder).
pub fn compile(
    files: Vec<(std::path::PathBuf, AuthSections)>,
    routes: &[Arc<Route>],
    report: &mut Report,
) -> Option<(Auth, Vec<RoutePolicy>)> {
    let before = report.errors.len();
    let mut issuers = Vec::new();
    let mut by_iss = HashMap::new();
    let mut by_jwe_kid = HashMap::new();
    let mut settings: Option<(std::path::PathBuf, AuthSettingsFile)> = None;
    let mut api_keys = Vec::new();
    let mut tenants = HashMap::new();
    let mut clients = HashMap::new();
    let mut client_certs = crate::clientcert::CertRules::default();
    let mut overrides: Vec<(std::path::PathBuf, usize, RoutePolicyFile)> = Vec::new();
    let mut assertion: Option<(std::path::PathBuf, AssertionFile)> = None;
    let mut names = std::collections::BTreeSet::new();

    for (f, sec) in files {
        let base = f.parent().unwrap_or(Path::new(".")).to_path_buf();
        for (name, i) in sec.issuers {
            let loc = format!("issuers.{name}");
            if !names.insert(name.clone()) {
                report.error(&f, &loc, format!("issuer {name:?} is declared twice"));
                continue;
            }
            if let Some(iss) = compile_issuer(&f, &base, &loc, &name, i, report) {
                if by_iss.contains_key(&iss.expect.issuer) {
                    report.error(
                        &f,
                        format!("{loc}.issuer"),
                        "two issuers with the same `iss`",
                    );
                    continue;
                }
                let iss = Arc::new(iss);
                by_iss.insert(iss.expect.issuer.clone(), iss.clone());
                for kid in iss.jwe.iter().flat_map(|j| j.keys.keys()) {
                    if by_jwe_kid.insert(kid.clone(), iss.clone()).is_some() {
                        report.error(
                            &f,
                            format!("{loc}.jwe.keys"),
                            format!("JWE kid {kid:?} is used by two issuers"),
                        );
                    }
                }
                issuers.push(iss);
            }
        }
        if let Some(s) = sec.auth {
            if settings.is_some() {
                report.error(&f, "auth", "the `auth` section is declared in two files");
            }
            settings = Some((f.clone(), s));
        }
        for (i, k) in sec.api_keys.into_iter().enumerate() {
            let loc = format!("api_keys[{i}]");
            let hash = match hex::decode(k.sha256.trim()) {
                Ok(h) if h.len() == 32 => {
                    let mut a = [0u8; 32];
                    a.copy_from_slice(&h);
                    a
                }
                _ => {
                    report.error(
                        &f,
                        format!("{loc}.sha256"),
                        "must be 64 hex digits (SHA-256 of the key)",
                    );
                    continue;
                }
            };
            api_keys.push(ApiKey {
                id: k.id,
                hash,
                client_id: k.client_id,
                tenant: k.tenant,
                tier: k.tier,
                scopes: k.scopes,
            });
        }
        client_certs.compile(sec.client_certificates, &f, report);
        for (t, r) in sec.tenants {
            tenants.insert(t, r.tier);
        }
        for (c, r) in sec.clients {
            clients.insert(c, r.tier);
        }
        for (i, r) in sec.routes.into_iter().enumerate() {
            overrides.push((f.clone(), i, r));
        }
        if let Some(a) = sec.assertion {
            if assertion.is_some() {
                report.error(
                    &f,
                    "assertion",
                    "the `assertion` section is declared in two files",
                );
            }
            assertion = Some((f.clone(), a));
        }
    }
    let (settings_file, settings) = match settings {
        Some((f, s)) => (Some(f), s),
        None => (None, AuthSettingsFile::default()),
    };
    let opaque = match &settings.opaque_token_issuer {
        Some(n) => match issuers.iter().find(|i| &i.name == n) {
            Some(i) if i.introspection.is_some() => Some(i.clone()),
            _ => {
                if let Some(f) = &settings_file {
                    report.error(
                        f,
                        "auth.opaque_token_issuer",
                        format!("{n:?} is not an issuer with `introspection`"),
                    );
                }
                None
            }
        },
        // With exactly one introspecting issuer, it handles opaque tokens.
        None => {
            let mut it = issuers.iter().filter(|i| i.introspection.is_some());
            match (it.next(), it.next()) {
                (Some(i), None) => Some(i.clone()),
                _ => None,
            }
        }
    };

    // Per-route policies: the spec's security, or a policy override.
    let mut policies: Vec<RoutePolicy> = routes
        .iter()
        .map(|r| RoutePolicy::from_security(r.security.clone()))
        .collect();
    for (f, i, o) in overrides {
        let loc = format!("routes[{i}]");
        let Some(route) = routes
            .iter()
            .find(|r| r.template == o.path && r.method.as_str().eq_ignore_ascii_case(&o.method))
        else {
            report.error(
                &f,
                &loc,
                format!("no route {} {} in openapi/", o.method, o.path),
            );
            continue;
        };
        let p = &mut policies[route.id];
        if o.public && o.scopes.is_some() {
            report.error(&f, &loc, "`public` and `scopes` exclude each other");
        }
        if o.public {
            p.security = Security::Public;
        } else if let Some(alts) = o.scopes {
            p.security = Security::Requirements(
                alts.into_iter()
                    .map(|alt| {
                        vec![scopes::SchemeRequirement {
                            scheme: "policy".into(),
                            kind: scopes::SchemeKind::Bearer,
                            scopes: alt,
                        }]
                    })
                    .collect(),
            );
        }
        p.token_from_query = o.token_from_query;
        p.token_from_cookie = o.token_from_cookie;
        let computed = RoutePolicy::from_security(p.security.clone());
        p.forward_credentials = o.forward_credentials || computed.forward_credentials;
        p.accepts_basic = computed.accepts_basic;
        p.delegated_authorization = computed.delegated_authorization;
    }

    let assertion_enabled = assertion.as_ref().is_none_or(|(_, a)| a.enabled);
    let assertion = assertion.filter(|(_, a)| a.enabled);
    let ephemeral_asserter = assertion.is_none();
    let asserter = match assertion {
        Some((f, a)) => {
            let base = f.parent().unwrap_or(Path::new(".")).to_path_buf();
            let mut keys = Vec::new();
            for (i, k) in a.keys.iter().enumerate() {
                let p = resolve_relative(&base, &k.key);
                match std::fs::read(&p)
                    .map_err(|e| format!("cannot read {}: {e}", p.display()))
                    .and_then(|pem| SigningKey::from_pem(&k.kid, &pem))
                {
                    Ok(sk) => keys.push(sk),
                    Err(e) => report.error(&f, format!("assertion.keys[{i}].key"), e),
                }
            }
            if a.ttl.as_secs() > 60 || a.ttl.is_zero() {
                report.error(&f, "assertion.ttl", "must be between 1s and 60s");
            }
            Asserter::new(
                a.issuer,
                a.header.to_ascii_lowercase(),
                a.ttl.as_secs(),
                keys,
                &a.active_kid,
                a.reuse,
            )
            .map_err(|e| report.error(&f, "assertion.active_kid", e))
            .ok()
        }
        None => {
            // An ephemeral key: upstreams can verify it through the admin JWKS, but it changes
            // at every restart. Production configs name their keys.
            let kid = format!("ephemeral-{}", &crate::forwarding::new_request_id()[..8]);
            SigningKey::generate(&kid).ok().and_then(|k| {
                Asserter::new(
                    "gateway".into(),
                    "x-gateway-assertion".into(),
                    30,
                    vec![k],
                    &kid,
                    true,
                )
                .ok()
            })
        }
    };
    if report.errors.len() > before {
        return None;
    }
    let auth = Auth {
        issuers,
        by_iss,
        by_jwe_kid,
        opaque,
        api_key_header: settings.api_key_header.to_ascii_lowercase(),
        api_keys,
        tenants,
        clients,
        client_certs,
        token_max_bytes: settings.token_max_bytes,
        cache: Cache::builder()
            .max_capacity(settings.cache_max_entries)
            .expire_after(CacheTtl)
            .build(),
        cache_max_ttl: settings.cache_max_ttl,
        clock: Arc::new(crate::clock::SystemClock),
        asserter: Arc::new(asserter?),
        assertion_enabled,
        ephemeral_asserter,
    };
    Some((auth, policies))
}

fn compile_issuer(
    f: &Path,
    base: &Path,
    loc: &str,
    name: &str,
    i: IssuerFile,
    report: &mut Report,
) -> Option<Issuer> {
    let before = report.errors.len();
    let fingerprint = issuer_fingerprint(name, &i, base);
    let mut allowed = Vec::new();
    if i.algorithms.is_empty() {
        allowed.extend(DEFAULT_ALGS);
    }
    for (n, a) in i.algorithms.iter().enumerate() {
        match jwt::parse_alg(a) {
            Some(alg) => allowed.push(alg),
            None => report.error(
                f,
                format!("{loc}.algorithms[{n}]"),
                format!("{a:?} is not supported"),
            ),
        }
    }
    let hmac = allowed.iter().any(|a| jwt::is_hmac(*a));
    if hmac && i.shared_secret.is_none() {
        report.error(
            f,
            format!("{loc}.algorithms"),
            "HS256/384/512 need a `shared_secret`",
        );
    }
    if i.audiences.is_empty() {
        report.error(
            f,
            format!("{loc}.audiences"),
            "at least one audience is required",
        );
    }
    let leeway = i.leeway.unwrap_or(Duration::from_secs(60));
    if leeway > Duration::from_secs(300) {
        report.error(f, format!("{loc}.leeway"), "at most 300s");
    }
    let sources = [
        i.jwks_file.is_some(),
        i.jwks_url.is_some(),
        i.discovery_url.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if sources > 1 {
        report.error(
            f,
            loc,
            "give at most one of jwks_file, jwks_url, discovery_url",
        );
    }
    if sources == 0 && i.shared_secret.is_none() && i.introspection.is_none() {
        report.error(f, loc, "an issuer needs keys (jwks_file, jwks_url, discovery_url, shared_secret) or introspection");
    }
    for (k, u) in [
        ("jwks_url", &i.jwks_url),
        ("discovery_url", &i.discovery_url),
    ] {
        if let Some(u) = u {
            match url::Url::parse(u) {
                Ok(p) if p.scheme() == "https" => {}
                Ok(p) if p.scheme() == "http" => {
                    report.warn(
                        f,
                        format!("{loc}.{k}"),
                        "plain http: keys can be tampered with in transit",
                    );
                }
                _ => report.error(f, format!("{loc}.{k}"), "must be an http(s) URL"),
            }
        }
    }
    let mut fixed = KeySet::default();
    if let Some(s) = &i.shared_secret {
        match s.resolve(base) {
            Ok(secret) if secret.expose().len() >= 32 => {
                for alg in allowed.iter().filter(|a| jwt::is_hmac(**a)) {
                    let decoding = match DecodingKey::from_secret(secret.expose().as_bytes()) {
                        Ok(d) => d,
                        Err(e) => {
                            report.error(f, format!("{loc}.shared_secret"), e.to_string());
                            continue;
                        }
                    };
                    let key = Key {
                        kid: i.shared_secret_kid.clone(),
                        alg: *alg,
                        decoding,
                    };
                    match &i.shared_secret_kid {
                        Some(kid) if allowed.iter().filter(|a| jwt::is_hmac(**a)).count() == 1 => {
                            fixed.by_kid.insert(kid.clone(), key);
                        }
                        _ => fixed.anonymous.push(key),
                    }
                }
            }
            Ok(_) => report.error(
                f,
                format!("{loc}.shared_secret"),
                "an HMAC secret must be at least 32 bytes",
            ),
            Err(e) => report.error(f, format!("{loc}.shared_secret"), e),
        }
    }
    if let Some(jf) = &i.jwks_file {
        let p = resolve_relative(base, jf);
        match std::fs::read(&p)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice::<Value>(&b).map_err(|e| e.to_string()))
        {
            Ok(doc) => match KeySet::from_jwks(&doc, &allowed) {
                Ok((set, notes)) => {
                    for n in notes {
                        report.warn(f, format!("{loc}.jwks_file"), n);
                    }
                    if set.is_empty() {
                        report.error(f, format!("{loc}.jwks_file"), "no usable key");
                    }
                    fixed.by_kid.extend(set.by_kid);
                    fixed.anonymous.extend(set.anonymous);
                }
                Err(e) => report.error(f, format!("{loc}.jwks_file"), e),
            },
            Err(e) => report.error(
                f,
                format!("{loc}.jwks_file"),
                format!("{}: {e}", p.display()),
            ),
        }
    }
    let introspection = match i.introspection {
        Some(x) => match x.client_secret.resolve(base) {
            Ok(secret) => Some(Introspector::new(
                x.url,
                x.client_id,
                secret,
                x.cache_ttl,
                x.negative_ttl,
            )),
            Err(e) => {
                report.error(f, format!("{loc}.introspection.client_secret"), e);
                None
            }
        },
        None => None,
    };
    let jwe = match i.jwe {
        None => None,
        Some(j) => {
            let mut keys = Vec::new();
            for (n, k) in j.keys.iter().enumerate() {
                let p = resolve_relative(base, &k.key);
                match std::fs::read(&p)
                    .map_err(|e| format!("cannot read {}: {e}", p.display()))
                    .and_then(|b| jwe::DecryptionKey::load(&k.kid, &k.alg, &b))
                {
                    Ok(dk) => keys.push(dk),
                    Err(e) => report.error(f, format!("{loc}.jwe.keys[{n}]"), e),
                }
            }
            if j.trust_encryption_only {
                report.warn(f, format!("{loc}.jwe.trust_encryption_only"), "encrypted but unsigned tokens are accepted: anyone holding the encryption key can mint tokens");
            }
            if j.zip_max_bytes == Some(0) || j.zip_max_bytes.is_some_and(|m| m > 1024 * 1024) {
                report.error(
                    f,
                    format!("{loc}.jwe.zip_max_bytes"),
                    "between 1 and 1048576",
                );
            }
            match jwe::JweConfig::new(keys, j.encryption, j.zip_max_bytes, j.trust_encryption_only)
            {
                Ok(c) => Some(c),
                Err(e) => {
                    report.error(f, format!("{loc}.jwe.encryption"), e);
                    None
                }
            }
        }
    };
    let source = match (&i.jwks_url, &i.discovery_url) {
        (Some(u), _) => KeySource::JwksUrl(u.clone()),
        (_, Some(u)) => KeySource::Discovery(u.clone()),
        _ => KeySource::Static,
    };
    if i.refresh.unknown_kid_wait > Duration::from_secs(5) {
        report.error(
            f,
            format!("{loc}.refresh.unknown_kid_wait"),
            "at most 5s (a request must not wait on a slow IdP; the fetch goes on in the background)",
        );
    }
    if report.errors.len() > before {
        return None;
    }
    let refresh = RefreshPolicy {
        min: i.refresh.min,
        max: i.refresh.max.max(i.refresh.min),
        unknown_kid_interval: i.refresh.unknown_kid_interval,
        unknown_kid_wait: i.refresh.unknown_kid_wait,
    };
    Some(Issuer {
        name: name.to_string(),
        expect: Expectations {
            issuer: i.issuer,
            audiences: i.audiences,
            leeway_secs: leeway.as_secs(),
        },
        keys: Arc::new(IssuerKeys::new(name, source, allowed, fixed, refresh)),
        start_policy: i.on_unreachable_at_start,
        introspection,
        jwe,
        tenant_claim: i.claims.tenant,
        client_id_claims: i.claims.client_id,
        default_tier: i.default_tier,
        fingerprint,
    })
}

/// The issuer's settings (their `Debug` form, which names secrets by env var or file only)
/// and the bytes of the key material they point to: the JWKS file, JWE keys, resolved
/// secrets. Only hashed, never printed.
fn issuer_fingerprint(name: &str, i: &IssuerFile, base: &Path) -> [u8; 32] {
    let mut h = Sha256::new();
    let mut part = |b: &[u8]| {
        h.update((b.len() as u64).to_be_bytes());
        h.update(b);
    };
    part(name.as_bytes());
    part(format!("{i:?}").as_bytes());
    part(base.as_os_str().as_encoded_bytes());
    let file = |p: &str| std::fs::read(resolve_relative(base, p)).unwrap_or_default();
    let secret = |s: &SecretRef| {
        s.resolve(base)
            .map(|s| s.expose().as_bytes().to_vec())
            .unwrap_or_default()
    };
    if let Some(f) = &i.jwks_file {
        part(&file(f));
    }
    if let Some(s) = &i.shared_secret {
        part(&secret(s));
    }
    if let Some(x) = &i.introspection {
        part(&secret(&x.client_secret));
    }
    for k in i.jwe.iter().flat_map(|j| &j.keys) {
        part(&file(&k.key));
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::router::Router;

    /// Two routes (GET and POST /orders), one JWKS file, and the sections given as YAML;
    /// returns what `compile` built and its report.
    struct Load {
        dir: tempfile::TempDir,
        routes: Vec<Arc<Route>>,
    }

    impl Load {
        fn new() -> Load {
            let dir = tempfile::tempdir().expect("dir");
            let (es, _) = mint::generate_es256().expect("key");
            let jwks = serde_json::json!({"keys": [mint::public_jwk(&es, "k1", Algorithm::ES256).expect("jwk")]});
            std::fs::write(dir.path().join("jwks.json"), jwks.to_string()).expect("jwks");
            std::fs::write(dir.path().join("secret.txt"), "s3cret").expect("secret");
            let mut router = Router::default();
            for m in [http::Method::GET, http::Method::POST] {
                router
                    .add("orders", "u", m, "/orders", None, Security::Public)
                    .expect("route");
            }
            Load {
                dir,
                routes: router.routes().to_vec(),
            }
        }

        /// An issuer named `name` (with introspection when `introspect`).
        fn issuer(&self, name: &str, introspect: bool) -> (String, IssuerFile) {
            let intro = if introspect {
                format!(
                    "introspection: {{url: \"http://127.0.0.1:1/i\", client_id: g, client_secret: {{file: {}}}}}\n",
                    self.dir.path().join("secret.txt").display()
                )
            } else {
                String::new()
            };
            let yaml = format!(
                "issuer: https://{name}\naudiences: [a]\njwks_file: {}\n{intro}",
                self.dir.path().join("jwks.json").display()
            );
            (
                name.to_string(),
                serde_saphyr::from_str(&yaml).expect("issuer"),
            )
        }

        fn run(&self, sections: AuthSections) -> (Option<(Auth, Vec<RoutePolicy>)>, Report) {
            let mut report = Report::default();
            let out = compile(
                vec![(self.dir.path().join("p.yaml"), sections)],
                &self.routes,
                &mut report,
            );
            (out, report)
        }
    }

    fn errors_at(r: &Report, location: &str) -> Vec<String> {
        r.errors
            .iter()
            .filter(|d| d.location == location)
            .map(|d| d.message.clone())
            .collect()
    }

    fn yaml<T: serde::de::DeserializeOwned>(s: &str) -> T {
        serde_saphyr::from_str(s).expect("yaml")
    }

    #[test]
    fn an_api_key_hash_is_exactly_32_bytes() {
        let l = Load::new();
        for (hex_digits, ok) in [(62, false), (64, true), (66, false)] {
            let sections = AuthSections {
                api_keys: vec![yaml(&format!(
                    "id: k\nsha256: \"{}\"\n",
                    "ab".repeat(hex_digits / 2)
                ))],
                ..Default::default()
            };
            let (_, r) = l.run(sections);
            assert_eq!(
                errors_at(&r, "api_keys[0].sha256").is_empty(),
                ok,
                "{hex_digits} hex digits: {:?}",
                r.errors
            );
        }
    }

    #[test]
    fn opaque_tokens_go_to_the_one_introspecting_issuer_or_the_named_one() {
        let l = Load::new();
        let run = |issuers: Vec<(String, IssuerFile)>, named: Option<&str>| {
            let auth = named.map(|n| yaml(&format!("opaque_token_issuer: {n}\n")));
            let (out, r) = l.run(AuthSections {
                issuers: issuers.into_iter().collect(),
                auth,
                ..Default::default()
            });
            let opaque = out
                .as_ref()
                .and_then(|(a, _)| a.opaque.as_ref().map(|i| i.name.clone()));
            (opaque, errors_at(&r, "auth.opaque_token_issuer"))
        };
        // One introspecting issuer beside a JWT-only one: it takes opaque tokens.
        let (o, e) = run(vec![l.issuer("jwt", false), l.issuer("intro", true)], None);
        assert_eq!((o.as_deref(), e.len()), (Some("intro"), 0));
        // Two: none is guessed.
        let (o, _) = run(vec![l.issuer("i1", true), l.issuer("i2", true)], None);
        assert_eq!(o, None);
        // None at all.
        let (o, _) = run(vec![l.issuer("jwt", false)], None);
        assert_eq!(o, None);
        // Named: the named one, if it introspects; else an error.
        let (o, e) = run(vec![l.issuer("i1", true), l.issuer("i2", true)], Some("i2"));
        assert_eq!((o.as_deref(), e.len()), (Some("i2"), 0));
        let (_, e) = run(
            vec![l.issuer("jwt", false), l.issuer("intro", true)],
            Some("jwt"),
        );
        assert_eq!(e.len(), 1, "a JWT-only issuer named for opaque tokens");
        let (_, e) = run(vec![l.issuer("intro", true)], Some("nobody"));
        assert_eq!(e.len(), 1, "an unknown issuer named for opaque tokens");
    }

    #[test]
    fn route_overrides_match_method_and_path_and_say_one_thing() {
        let l = Load::new();
        let run = |routes: &str| {
            let (out, r) = l.run(AuthSections {
                routes: yaml(routes),
                ..Default::default()
            });
            (out.map(|(_, p)| p), r)
        };
        // POST /orders gets scopes; GET /orders stays public (method matched, not only path).
        let (p, r) =
            run("- {method: post, path: /orders, scopes: [[write]], forward_credentials: true}\n");
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        let p = p.expect("policies");
        let post = l
            .routes
            .iter()
            .find(|r| r.method == http::Method::POST)
            .expect("post")
            .id;
        let get = l
            .routes
            .iter()
            .find(|r| r.method == http::Method::GET)
            .expect("get")
            .id;
        assert!(
            matches!(&p[post].security, Security::Requirements(alts) if alts[0][0].scopes == ["write"])
        );
        assert!(matches!(p[get].security, Security::Public));
        assert!(
            p[post].forward_credentials,
            "the override's forward_credentials"
        );
        assert!(!p[get].forward_credentials);
        // No such route: wrong path, or the right path with another method.
        for o in [
            "- {method: GET, path: /other, public: true}\n",
            "- {method: PUT, path: /orders, public: true}\n",
        ] {
            let (_, r) = run(o);
            assert_eq!(errors_at(&r, "routes[0]").len(), 1, "{o}: {:?}", r.errors);
        }
        // `public` with `scopes` is a contradiction; either alone is fine.
        let (_, r) = run("- {method: GET, path: /orders, public: true, scopes: [[read]]}\n");
        assert_eq!(errors_at(&r, "routes[0]").len(), 1, "{:?}", r.errors);
        let (_, r) = run("- {method: GET, path: /orders, public: true}\n");
        assert!(r.errors.is_empty(), "{:?}", r.errors);
    }

    /// Each bound of an issuer's settings, just inside and just outside: `(extra YAML,
    /// location, error expected)`; plus what a valid issuer's key source and HMAC key are.
    #[test]
    fn issuer_settings_are_bounded() {
        let l = Load::new();
        let secret = |n: usize| {
            let p = l.dir.path().join(format!("hs{n}.txt"));
            std::fs::write(&p, "k".repeat(n)).expect("secret");
            p.display().to_string()
        };
        let jwks = l.dir.path().join("jwks.json").display().to_string();
        let (s31, s32) = (secret(31), secret(32));
        let cases: Vec<(String, &str, bool)> = vec![
            (
                format!("jwks_file: {jwks}\nleeway: 300s\n"),
                "issuers.x.leeway",
                false,
            ),
            (
                format!("jwks_file: {jwks}\nleeway: 301s\n"),
                "issuers.x.leeway",
                true,
            ),
            (
                format!("jwks_file: {jwks}\njwks_url: https://idp/keys\n"),
                "issuers.x",
                true,
            ),
            ("jwks_url: https://idp/keys\n".into(), "issuers.x", false),
            (
                "jwks_url: ftp://idp/keys\n".into(),
                "issuers.x.jwks_url",
                true,
            ),
            (
                "jwks_url: https://idp/keys\n".into(),
                "issuers.x.jwks_url",
                false,
            ),
            (
                "discovery_url: http://idp/.well-known/openid-configuration\n".into(),
                "issuers.x.discovery_url",
                false,
            ),
            (
                format!("algorithms: [HS256]\nshared_secret: {{file: {s31}}}\n"),
                "issuers.x.shared_secret",
                true,
            ),
            (
                format!("algorithms: [HS256]\nshared_secret: {{file: {s32}}}\n"),
                "issuers.x.shared_secret",
                false,
            ),
            (
                format!("jwks_file: {jwks}\nrefresh: {{unknown_kid_wait: 5s}}\n"),
                "issuers.x.refresh.unknown_kid_wait",
                false,
            ),
            (
                format!("jwks_file: {jwks}\nrefresh: {{unknown_kid_wait: 6s}}\n"),
                "issuers.x.refresh.unknown_kid_wait",
                true,
            ),
        ];
        for (extra, location, error) in cases {
            let i: IssuerFile = yaml(&format!("issuer: https://x\naudiences: [a]\n{extra}"));
            let (out, r) = l.run(AuthSections {
                issuers: [("x".to_string(), i)].into_iter().collect(),
                ..Default::default()
            });
            assert_eq!(
                !errors_at(&r, location).is_empty(),
                error,
                "{extra} at {location}: {:?}",
                r.errors
            );
            // Any error means no model at all.
            assert_eq!(
                out.is_none(),
                !r.errors.is_empty(),
                "{extra}: {:?}",
                r.errors
            );
        }
        // Plain http for keys is accepted with a warning; https without one.
        let run = |extra: &str| {
            let i: IssuerFile = yaml(&format!("issuer: https://x\naudiences: [a]\n{extra}"));
            l.run(AuthSections {
                issuers: [("x".to_string(), i)].into_iter().collect(),
                ..Default::default()
            })
        };
        for (url, warned) in [("http://idp/keys", true), ("https://idp/keys", false)] {
            let (out, r) = run(&format!("jwks_url: {url}\n"));
            let w = r
                .warnings
                .iter()
                .any(|d| d.location == "issuers.x.jwks_url");
            assert_eq!(w, warned, "{url}: {:?}", r.warnings);
            let (a, _) = out.expect("valid");
            assert!(matches!(&a.issuers[0].keys.source, jwks::KeySource::JwksUrl(u) if u == url));
        }
        let (out, _) = run("discovery_url: https://idp/.well-known/openid-configuration\n");
        let (a, _) = out.expect("valid");
        assert!(matches!(
            &a.issuers[0].keys.source,
            jwks::KeySource::Discovery(_)
        ));
        // One HMAC algorithm with `shared_secret_kid`: the key is found by that kid; with two
        // algorithms it cannot be (each needs its own key), so they are kid-less.
        for (algs, by_kid) in [("[HS256]", true), ("[HS256, HS512]", false)] {
            let (out, r) = run(&format!(
                "algorithms: {algs}\nshared_secret: {{file: {s32}}}\nshared_secret_kid: hk\n"
            ));
            let (a, _) = out.unwrap_or_else(|| panic!("{algs}: {:?}", r.errors));
            let keys = a.issuers[0].keys.current();
            assert_eq!(keys.by_kid.contains_key("hk"), by_kid, "{algs}");
            assert_eq!(keys.anonymous.len(), if by_kid { 0 } else { 2 }, "{algs}");
        }
    }

    #[test]
    fn jwe_zip_cap_is_between_1_byte_and_1_mib() {
        let l = Load::new();
        let jwk = l.dir.path().join("dir.jwk");
        std::fs::write(
            &jwk,
            r#"{"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}"#,
        )
        .expect("jwk");
        let jwks = l.dir.path().join("jwks.json");
        for (cap, ok) in [
            ("0", false),
            ("1", true),
            ("1048576", true),
            ("1048577", false),
        ] {
            let i: IssuerFile = yaml(&format!(
                "issuer: https://x\naudiences: [a]\njwks_file: {}\njwe: {{keys: [{{kid: j1, alg: dir, key: {}}}], encryption: [A256GCM], zip_max_bytes: {cap}}}\n",
                jwks.display(),
                jwk.display()
            ));
            let (_, r) = l.run(AuthSections {
                issuers: [("x".to_string(), i)].into_iter().collect(),
                ..Default::default()
            });
            assert_eq!(
                errors_at(&r, "issuers.x.jwe.zip_max_bytes").is_empty(),
                ok,
                "zip_max_bytes {cap}: {:?}",
                r.errors
            );
        }
    }

    #[test]
    fn the_assertion_ttl_is_between_1s_and_60s() {
        let l = Load::new();
        let key = l.dir.path().join("a.pem");
        let pk = openssl::pkey::PKey::generate_ed25519().expect("key");
        std::fs::write(&key, pk.private_key_to_pem_pkcs8().expect("pem")).expect("write");
        for (ttl, ok) in [("0s", false), ("1s", true), ("60s", true), ("61s", false)] {
            let a: AssertionFile = yaml(&format!(
                "ttl: {ttl}\nkeys: [{{kid: a1, key: {}}}]\n",
                key.display()
            ));
            let (_, r) = l.run(AuthSections {
                assertion: Some(a),
                ..Default::default()
            });
            assert_eq!(
                errors_at(&r, "assertion.ttl").is_empty(),
                ok,
                "ttl {ttl}: {:?}",
                r.errors
            );
        }
    }
}
