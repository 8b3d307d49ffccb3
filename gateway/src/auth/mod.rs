//! Tokens and scopes: who is calling, and may they call this route?
//!
//! The gateway never handles passwords. A caller presents a JWT (verified against its
//! issuer's keys), an opaque token (RFC 7662 introspection), or an API key (stored hashed,
//! compared in constant time). The verified [`Principal`] is then checked against the route's
//! security requirements from its spec (or a policy override). The precise reason of a
//! refusal goes to metrics and the audit record; the client gets a generic 401/403.

pub mod assertion;
mod compile;
pub mod introspect;
pub mod jwe;
pub mod jwks;
pub mod jwt;
pub mod mint;
pub mod ossl;
pub mod scopes;
mod settings;

use crate::identity::{AuthMethod, Principal};
use crate::problem::Deny;
use crate::report::{resolve_relative, Report};
use crate::router::Route;
use crate::secret::SecretRef;
use assertion::{Asserter, SigningKey};
use introspect::{IntrospectError, Introspector};
use jsonwebtoken::{Algorithm, DecodingKey};
use jwks::{IssuerKeys, KeySource, RefreshPolicy};
use jwt::{Expectations, Key, KeySet, TokenError};
use moka::sync::Cache;
use once_cell::sync::Lazy;
use prometheus::{register_int_counter_vec, IntCounterVec};
use scopes::{Authz, Security};
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use subtle::ConstantTimeEq;

pub use compile::compile;
pub use settings::*;

pub static AUTH_FAILURES: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_auth_failures_total",
        "Refused credentials by reason.",
        &["reason"]
    )
    .expect("metric registers once")
});
pub static TOKEN_CACHE: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_token_cache_total",
        "Verified-token cache lookups by result.",
        &["result"]
    )
    .expect("metric registers once")
});

static CACHE_HIT: Lazy<prometheus::IntCounter> =
    Lazy::new(|| TOKEN_CACHE.with_label_values(&["hit"]));
static CACHE_MISS: Lazy<prometheus::IntCounter> =
    Lazy::new(|| TOKEN_CACHE.with_label_values(&["miss"]));

pub fn init_metrics() {
    Lazy::force(&AUTH_FAILURES);
    Lazy::force(&TOKEN_CACHE);
    Lazy::force(&jwks::JWKS_FETCHES);
    Lazy::force(&jwks::JWKS_STALE);
    Lazy::force(&jwks::JWKS_LAST_SUCCESS);
    Lazy::force(&jwks::JWKS_KEYS);
}

// ---------------------------------------------------------------------------------------
// Runtime model
// ---------------------------------------------------------------------------------------

pub struct Issuer {
    pub name: String,
    pub expect: Expectations,
    pub keys: Arc<IssuerKeys>,
    pub start_policy: StartPolicy,
    pub introspection: Option<Introspector>,
    pub jwe: Option<jwe::JweConfig>,
    tenant_claim: String,
    client_id_claims: Vec<String>,
    default_tier: Option<String>,
    /// SHA-256 over the issuer's settings and the key material they name (files, secrets):
    /// equal fingerprints mean a reload may keep this issuer, its fetched keys and caches.
    fingerprint: [u8; 32],
}

struct ApiKey {
    id: String,
    hash: [u8; 32],
    client_id: Option<String>,
    tenant: Option<String>,
    tier: Option<String>,
    scopes: Vec<String>,
}

/// One route's auth requirements: the state of its tokens-and-scopes policy
/// ([`crate::pipeline::tokens::Tokens`]).
#[derive(Debug, Clone)]
pub struct RoutePolicy {
    pub security: Security,
    pub token_from_query: Option<String>,
    pub token_from_cookie: Option<String>,
    pub forward_credentials: bool,
    /// The spec accepts `http: basic` here: `Authorization: Basic` is checked against the keys
    /// in `policies/`.
    pub accepts_basic: bool,
    /// Every scheme that could use `Authorization` here is delegated to the upstream: the
    /// gateway does not read that header (and forwards it).
    pub delegated_authorization: bool,
    /// The spec accepts `mutualTLS` here: a verified, mapped client certificate is a credential.
    pub accepts_mtls: bool,
}

impl RoutePolicy {
    /// The policy the spec's security alone gives a route.
    pub fn from_security(security: Security) -> RoutePolicy {
        let kinds = |k: scopes::SchemeKind| match &security {
            Security::Requirements(alts) => alts.iter().flatten().any(|r| r.kind == k),
            _ => false,
        };
        let delegated = kinds(scopes::SchemeKind::Delegated);
        let accepts_basic = kinds(scopes::SchemeKind::Basic);
        let accepts_mtls = kinds(scopes::SchemeKind::MutualTls);
        let delegated_authorization =
            delegated && !accepts_basic && !kinds(scopes::SchemeKind::Bearer);
        RoutePolicy {
            security,
            token_from_query: None,
            token_from_cookie: None,
            forward_credentials: delegated,
            accepts_basic,
            delegated_authorization,
            accepts_mtls,
        }
    }
}

/// `Authorization: Basic` credentials (RFC 7617), decoded: `(user, password)`.
pub fn basic_credentials(value: &str) -> Option<(String, String)> {
    use base64::Engine;
    let (scheme, rest) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let raw = base64::engine::general_purpose::STANDARD
        .decode(rest.trim())
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (user, pass) = text.split_once(':')?;
    if user.is_empty() || text.chars().any(char::is_control) {
        return None;
    }
    Some((user.to_string(), pass.to_string()))
}

#[derive(Clone)]
struct CachedToken {
    principal: Arc<Principal>,
    exp: u64,
    ttl: Duration,
}

struct CacheTtl;

impl moka::Expiry<[u8; 32], CachedToken> for CacheTtl {
    fn expire_after_create(
        &self,
        _k: &[u8; 32],
        v: &CachedToken,
        _now: Instant,
    ) -> Option<Duration> {
        Some(v.ttl)
    }
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("issuers", &self.issuers.len())
            .field("api_keys", &self.api_keys.len())
            .finish_non_exhaustive()
    }
}

pub struct Auth {
    pub issuers: Vec<Arc<Issuer>>,
    by_iss: HashMap<String, Arc<Issuer>>,
    /// JWE key id → issuer.
    by_jwe_kid: HashMap<String, Arc<Issuer>>,
    opaque: Option<Arc<Issuer>>,
    api_key_header: String,
    api_keys: Vec<ApiKey>,
    tenants: HashMap<String, String>,
    clients: HashMap<String, String>,
    /// `client_certificates:` rules: verified client certificate → principal.
    client_certs: crate::clientcert::CertRules,
    token_max_bytes: usize,
    cache: Cache<[u8; 32], CachedToken>,
    cache_max_ttl: Duration,
    /// Judges token expiry and cached tokens' lifetimes (a fake clock in tests).
    clock: Arc<dyn crate::clock::Clock>,
    pub asserter: Arc<Asserter>,
    /// Whether upstream requests carry the signed assertion.
    pub assertion_enabled: bool,
    /// The assertion key was generated at load (no `assertion.keys`): a reload keeps the
    /// previous generation's, so upstreams holding its JWKS keep verifying.
    ephemeral_asserter: bool,
}

/// What a new generation's [`Auth`] took over from the previous one ([`Auth::adopt`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Adopted {
    /// Issuers whose settings and key material are unchanged: the same issuer (fetched keys,
    /// refresh state, introspection cache) serves on.
    pub issuers: Vec<String>,
    /// The verified-token cache was kept (every issuer and the tier mapping unchanged).
    pub token_cache: bool,
    pub asserter: bool,
}

/// The credential-bearing parts of a request. `Debug` shows which are present, never them.
#[derive(Default)]
pub struct Credentials<'a> {
    pub authorization: Option<&'a str>,
    pub api_key: Option<&'a str>,
    /// The request's query pairs, decoded once by [`crate::view::RequestView`].
    pub query: &'a [crate::view::QueryPair],
    /// The request's cookies, parsed once by [`crate::view::RequestView`].
    pub cookies: &'a [(String, String)],
    /// The connection's client certificate, if one was presented (see `clientcert`).
    pub client_cert: Option<&'a crate::clientcert::PeerCert>,
}

impl std::fmt::Debug for Credentials<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cookies: Vec<&str> = self.cookies.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("Credentials")
            .field("authorization", &self.authorization.map(|_| "***"))
            .field("api_key", &self.api_key.map(|_| "***"))
            .field("query", &self.query)
            .field("cookies", &cookies)
            .field("client_cert", &self.client_cert.is_some())
            .finish()
    }
}

fn deny_token(e: TokenError) -> Deny {
    AUTH_FAILURES.with_label_values(&[e.reason()]).inc();
    Deny::Unauthenticated(e)
}

impl Auth {
    /// Take over the state of `old` (the previous generation's) that this configuration leaves
    /// unchanged: an issuer with the same name and fingerprint is the old issuer itself (its
    /// keys are not fetched again); the verified-token cache is kept when every issuer and the
    /// tenant/client tier mapping are unchanged (a cached principal would otherwise be judged
    /// by settings no longer in force); an ephemeral assertion key is kept.
    pub fn adopt(&mut self, old: &Auth) -> Adopted {
        let mut out = Adopted::default();
        for slot in self.issuers.iter_mut() {
            if let Some(o) = old
                .issuers
                .iter()
                .find(|o| o.name == slot.name && o.fingerprint == slot.fingerprint)
            {
                *slot = o.clone();
                out.issuers.push(slot.name.clone());
            }
        }
        let issuers = self.issuers.clone();
        let pick = |i: &Arc<Issuer>| {
            issuers
                .iter()
                .find(|n| n.name == i.name)
                .cloned()
                .unwrap_or_else(|| i.clone())
        };
        for v in self.by_iss.values_mut() {
            *v = pick(v);
        }
        for v in self.by_jwe_kid.values_mut() {
            *v = pick(v);
        }
        if let Some(o) = self.opaque.as_mut() {
            *o = pick(o);
        }
        let same_issuers =
            out.issuers.len() == self.issuers.len() && old.issuers.len() == self.issuers.len();
        if same_issuers
            && self.tenants == old.tenants
            && self.clients == old.clients
            && self.cache_max_ttl == old.cache_max_ttl
            && self.cache.policy().max_capacity() == old.cache.policy().max_capacity()
        {
            self.cache = old.cache.clone();
            out.token_cache = true;
        }
        if self.ephemeral_asserter && old.ephemeral_asserter {
            self.asserter = old.asserter.clone();
            out.asserter = true;
        }
        out
    }

    /// Judge time with `clock` instead of the wall clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn crate::clock::Clock>) -> Auth {
        self.clock = clock;
        self
    }

    pub fn api_key_header(&self) -> &str {
        &self.api_key_header
    }

    /// Every issuer has keys (or only introspection) loaded.
    pub fn ready(&self) -> bool {
        self.issuers
            .iter()
            .all(|i| i.keys.is_loaded() || !i.keys.is_remote())
    }

    /// Authenticate and authorise one request against its route's policy.
    pub async fn check(
        &self,
        policy: &RoutePolicy,
        creds: &Credentials<'_>,
    ) -> Result<Option<Principal>, Deny> {
        let principal = self.authenticate(policy, creds).await?;
        // A token or key over a connection with a client certificate: the certificate can
        // still meet a `mutualTLS` requirement named beside the token's scheme (AND).
        let cert = match (&principal, creds.client_cert) {
            (Some(p), Some(c)) if policy.accepts_mtls && p.method != AuthMethod::ClientCert => {
                Some(self.map_client_cert(c))
            }
            _ => None,
        };
        let cert_principal = cert.as_ref().and_then(|c| c.as_ref().ok());
        match scopes::authorize(&policy.security, principal.as_ref(), cert_principal) {
            Authz::Allowed => Ok(principal),
            // The certificate was needed and is not mapped: that is the reason to give.
            Authz::Unauthenticated => match cert {
                Some(Err(e)) => Err(deny_token(e)),
                _ => Err(deny_token(TokenError::Missing)),
            },
            Authz::InsufficientScope(s) => {
                AUTH_FAILURES
                    .with_label_values(&["insufficient_scope"])
                    .inc();
                Err(Deny::InsufficientScope(s))
            }
            Authz::NoPolicy => {
                AUTH_FAILURES.with_label_values(&["no_policy"]).inc();
                Err(Deny::NoSecurityPolicy)
            }
        }
    }

    fn token<'a>(
        &self,
        policy: &RoutePolicy,
        creds: &Credentials<'a>,
    ) -> Result<Option<&'a str>, Deny> {
        if let Some(a) = creds.authorization {
            // Only Bearer: the gateway never handles passwords (Basic) or other schemes.
            return jwt::bearer(a)
                .map(Some)
                .ok_or_else(|| deny_token(TokenError::Malformed));
        }
        // A credential given twice is ambiguous (which one a service reads depends on its
        // parser): refused, never resolved by order.
        let once =
            |mut it: Box<dyn Iterator<Item = &'a str> + '_>| -> Result<Option<&'a str>, Deny> {
                let first = it.next();
                if it.next().is_some() {
                    return Err(Deny::Ambiguous(crate::view::Ambiguity::DuplicateCredential));
                }
                Ok(first)
            };
        if let Some(name) = &policy.token_from_query {
            let found = once(Box::new(
                creds
                    .query
                    .iter()
                    .filter(|p| p.name == *name)
                    .map(|p| p.value.as_str()),
            ))?;
            if found.is_some() {
                return Ok(found);
            }
        }
        if let Some(name) = &policy.token_from_cookie {
            let found = once(Box::new(
                creds
                    .cookies
                    .iter()
                    .filter(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str()),
            ))?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    async fn authenticate(
        &self,
        policy: &RoutePolicy,
        creds: &Credentials<'_>,
    ) -> Result<Option<Principal>, Deny> {
        // A certificate that failed verification is refused like a bad token, on every route:
        // a credential, if presented, is verified.
        if creds.client_cert.is_some_and(|c| c.error.is_some()) {
            return self.verify_client_cert(creds.client_cert).map(Some);
        }
        match creds.authorization {
            Some(a)
                if policy.accepts_basic
                    && a.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("basic ")) =>
            {
                let (user, pass) =
                    basic_credentials(a).ok_or_else(|| deny_token(TokenError::Malformed))?;
                return self.verify_basic(&user, &pass).map(Some);
            }
            // The upstream authenticates this route: its credential is not the gateway's to read.
            Some(_) if policy.delegated_authorization => {
                if let Some(key) = creds.api_key {
                    return self.verify_api_key(key).map(Some);
                }
                return Ok(None);
            }
            _ => {}
        }
        if let Some(token) = self.token(policy, creds)? {
            if token.len() > self.token_max_bytes {
                return Err(deny_token(TokenError::TooLarge));
            }
            return self.verify_token(token).await.map(Some);
        }
        if let Some(key) = creds.api_key {
            return self.verify_api_key(key).map(Some);
        }
        if policy.accepts_mtls && creds.client_cert.is_some() {
            return self.verify_client_cert(creds.client_cert).map(Some);
        }
        Ok(None)
    }

    /// A client certificate (verified by OpenSSL at the handshake) → its mapped principal.
    fn verify_client_cert(
        &self,
        cert: Option<&crate::clientcert::PeerCert>,
    ) -> Result<Principal, Deny> {
        let c = cert.ok_or_else(|| deny_token(TokenError::Missing))?;
        self.map_client_cert(c).map_err(deny_token)
    }

    /// A client certificate's mapped principal, or why it has none.
    fn map_client_cert(&self, c: &crate::clientcert::PeerCert) -> Result<Principal, TokenError> {
        self.client_certs.principal(c, |tenant, client| {
            tenant
                .and_then(|t| self.tenants.get(t).cloned())
                .or_else(|| client.and_then(|c| self.clients.get(c).cloned()))
        })
    }

    /// Verify a bearer token (JWT or opaque), through the verified-token cache.
    pub async fn verify_token(&self, token: &str) -> Result<Principal, Deny> {
        let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let now = self.clock.now_secs();
        if let Some(c) = self.cache.get(&hash) {
            if now < c.exp {
                CACHE_HIT.inc();
                return Ok((*c.principal).clone());
            }
            self.cache.invalidate(&hash);
        }
        CACHE_MISS.inc();
        let (principal, exp) = if jwe::looks_like_jwe(token) {
            self.verify_jwe(token, now).await?
        } else if jwt::looks_like_jwt(token) {
            self.verify_jwt(token, now).await?
        } else {
            self.verify_opaque(token, hash, now).await?
        };
        let ttl = Duration::from_secs(exp.saturating_sub(now)).min(self.cache_max_ttl);
        if !ttl.is_zero() {
            self.cache.insert(
                hash,
                CachedToken {
                    principal: Arc::new(principal.clone()),
                    exp,
                    ttl,
                },
            );
        }
        Ok(principal)
    }

    /// Decrypt with the issuer that owns the JWE `kid`, then verify the nested JWT in full; its
    /// `iss` must be that issuer's.
    async fn verify_jwe(&self, token: &str, now: u64) -> Result<(Principal, u64), Deny> {
        let kid = jwe_kid(token).ok_or_else(|| deny_token(TokenError::JweMalformed))?;
        let issuer = self
            .by_jwe_kid
            .get(&kid)
            .ok_or_else(|| deny_token(TokenError::UnknownKid))?;
        let cfg = issuer
            .jwe
            .as_ref()
            .ok_or_else(|| deny_token(TokenError::UnknownKid))?;
        let (plain, cty_jwt) = cfg.decrypt(token).map_err(deny_token)?;
        let inner =
            std::str::from_utf8(&plain).map_err(|_| deny_token(TokenError::JweMalformed))?;
        if cty_jwt || jwt::looks_like_jwt(inner) {
            if !jwt::looks_like_jwt(inner) {
                return Err(deny_token(TokenError::UnsignedPayload));
            }
            let (p, exp) = self.verify_jwt(inner, now).await?;
            if p.issuer != issuer.expect.issuer {
                return Err(deny_token(TokenError::WrongIssuer));
            }
            return Ok((p, exp));
        }
        if !cfg.allow_unsigned {
            return Err(deny_token(TokenError::UnsignedPayload));
        }
        let claims: Value =
            serde_json::from_str(inner).map_err(|_| deny_token(TokenError::JweMalformed))?;
        jwt::check_unsigned_claims(&claims, &issuer.expect, now).map_err(deny_token)?;
        let exp = claims
            .get("exp")
            .and_then(Value::as_f64)
            .map(|e| e as u64)
            .unwrap_or(now);
        Ok((self.principal(issuer, AuthMethod::Jwt, &claims), exp))
    }

    async fn verify_jwt(&self, token: &str, now: u64) -> Result<(Principal, u64), Deny> {
        let header = jwt::screen_header(token).map_err(deny_token)?;
        let iss = jwt::peek_issuer(token).map_err(deny_token)?;
        let issuer = self
            .by_iss
            .get(&iss)
            .ok_or_else(|| deny_token(TokenError::UnknownIssuer))?;
        let generation = issuer.keys.generation();
        let keys = issuer.keys.current();
        if keys.is_empty() && !issuer.keys.is_loaded() {
            return Err(Deny::AuthUnavailable);
        }
        let key: Key = match keys.select(&header) {
            Ok(k) => k.clone(),
            Err(TokenError::UnknownKid) => {
                // Maybe the IdP rotated: one rate-limited, single-flight refetch.
                if issuer.keys.refetch_for_unknown_kid(generation).await {
                    issuer
                        .keys
                        .current()
                        .select(&header)
                        .map_err(deny_token)?
                        .clone()
                } else {
                    return Err(deny_token(TokenError::UnknownKid));
                }
            }
            Err(e) => return Err(deny_token(e)),
        };
        let claims = jwt::verify(token, &header, &key, &issuer.expect, now).map_err(deny_token)?;
        let exp = claims
            .get("exp")
            .and_then(Value::as_f64)
            .map(|e| e as u64)
            .unwrap_or(now);
        Ok((self.principal(issuer, AuthMethod::Jwt, &claims), exp))
    }

    async fn verify_opaque(
        &self,
        token: &str,
        hash: [u8; 32],
        now: u64,
    ) -> Result<(Principal, u64), Deny> {
        let issuer = self
            .opaque
            .as_ref()
            .ok_or_else(|| deny_token(TokenError::Malformed))?;
        let intro = issuer
            .introspection
            .as_ref()
            .ok_or_else(|| deny_token(TokenError::Malformed))?;
        let claims = match intro.introspect(token, hash, now).await {
            Ok(c) => c,
            Err(IntrospectError::Invalid(e)) => return Err(deny_token(e)),
            Err(IntrospectError::Unavailable) => {
                AUTH_FAILURES
                    .with_label_values(&["introspection_unavailable"])
                    .inc();
                return Err(Deny::AuthUnavailable);
            }
        };
        // An introspection answer about another audience is not for us.
        if let Some(aud) = claims.get("aud") {
            let ok = match aud {
                Value::String(s) => issuer.expect.audiences.contains(s),
                Value::Array(a) => a
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|s| issuer.expect.audiences.iter().any(|x| x == s)),
                _ => false,
            };
            if !ok {
                return Err(deny_token(TokenError::WrongAudience));
            }
        }
        let exp = claims
            .get("exp")
            .and_then(Value::as_u64)
            .unwrap_or(now + 60);
        Ok((
            self.principal(issuer, AuthMethod::Introspection, &claims),
            exp,
        ))
    }

    fn principal(&self, issuer: &Issuer, method: AuthMethod, claims: &Value) -> Principal {
        let s = |k: &str| claims.get(k).and_then(Value::as_str).map(String::from);
        let tenant = s(&issuer.tenant_claim);
        let client_id = issuer.client_id_claims.iter().find_map(|c| s(c));
        let tier = tenant
            .as_ref()
            .and_then(|t| self.tenants.get(t))
            .or_else(|| client_id.as_ref().and_then(|c| self.clients.get(c)))
            .cloned()
            .or_else(|| issuer.default_tier.clone());
        Principal {
            method,
            issuer: issuer.expect.issuer.clone(),
            subject: s("sub"),
            client_id,
            tenant,
            scopes: scopes::scopes_from_claims(claims),
            tier,
            api_key_id: None,
        }
    }

    /// Basic credentials are API keys from `policies/`: `id:key` (the key's public id as user
    /// name, the key as password), or `key:` (the key alone as user name, as Stripe's clients
    /// send it). The key is hashed and compared in constant time against every entry.
    fn verify_basic(&self, user: &str, pass: &str) -> Result<Principal, Deny> {
        let found = if pass.is_empty() {
            self.find_api_key(user, None)
        } else {
            self.find_api_key(pass, Some(user))
        };
        let k = found.ok_or_else(|| deny_token(TokenError::BadApiKey))?;
        Ok(Principal {
            method: AuthMethod::Basic,
            ..self.key_principal(k)
        })
    }

    /// The entry whose hash matches `key` (and whose id is `id`, when given); every entry is
    /// compared, in constant time.
    fn find_api_key(&self, key: &str, id: Option<&str>) -> Option<&ApiKey> {
        let h: [u8; 32] = Sha256::digest(key.as_bytes()).into();
        let mut found: Option<&ApiKey> = None;
        for k in &self.api_keys {
            let hash_ok = bool::from(k.hash.ct_eq(&h));
            let id_ok = id.is_none_or(|i| bool::from(k.id.as_bytes().ct_eq(i.as_bytes())));
            if hash_ok & id_ok {
                found = Some(k);
            }
        }
        found
    }

    /// API keys are stored as SHA-256 and compared in constant time against every entry.
    fn verify_api_key(&self, key: &str) -> Result<Principal, Deny> {
        let k = self
            .find_api_key(key, None)
            .ok_or_else(|| deny_token(TokenError::BadApiKey))?;
        Ok(self.key_principal(k))
    }

    fn key_principal(&self, k: &ApiKey) -> Principal {
        let tier = k
            .tier
            .clone()
            .or_else(|| k.tenant.as_ref().and_then(|t| self.tenants.get(t).cloned()))
            .or_else(|| {
                k.client_id
                    .as_ref()
                    .and_then(|c| self.clients.get(c).cloned())
            });
        Principal {
            method: AuthMethod::ApiKey,
            issuer: "api-key".into(),
            subject: None,
            client_id: k.client_id.clone(),
            tenant: k.tenant.clone(),
            scopes: k.scopes.clone(),
            tier,
            api_key_id: Some(k.id.clone()),
        }
    }
}

/// The `kid` of a compact JWE's protected header.
fn jwe_kid(token: &str) -> Option<String> {
    use base64::Engine;
    let head = token.split('.').next()?;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(head)
        .ok()?;
    let v: Value = serde_json::from_slice(&raw).ok()?;
    v.get("kid").and_then(Value::as_str).map(String::from)
}

/// Hex SHA-256 of an API key, as stored in `policies/`.
pub fn api_key_hash(key: &str) -> String {
    crate::forwarding::hex_lower(&Sha256::digest(key.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::mint;

    /// A delegated scheme hands authorization to the upstream only when it is the route's
    /// only kind of credential: beside a Basic key or a bearer token the gateway still judges.
    #[test]
    fn delegated_authorization_only_without_gateway_credentials() {
        let req = |kind| scopes::SchemeRequirement {
            scheme: format!("{kind:?}"),
            kind,
            scopes: vec![],
        };
        use scopes::SchemeKind::*;
        let policy = |alts: Vec<Vec<scopes::SchemeRequirement>>| {
            RoutePolicy::from_security(Security::Requirements(alts))
        };
        let p = policy(vec![vec![req(Delegated)]]);
        assert!(p.delegated_authorization && p.forward_credentials);
        assert!(!policy(vec![vec![req(Delegated)], vec![req(Basic)]]).delegated_authorization);
        assert!(!policy(vec![vec![req(Delegated), req(Bearer)]]).delegated_authorization);
        let p = policy(vec![vec![req(Bearer)]]);
        assert!(!p.delegated_authorization && !p.forward_credentials);
        assert!(policy(vec![vec![req(Basic)]]).accepts_basic);
        assert!(policy(vec![vec![req(MutualTls)]]).accepts_mtls);
    }

    /// RFC 7617: a user id is required and no control character is allowed anywhere.
    #[test]
    fn basic_credentials_need_a_user_and_no_control_characters() {
        use base64::Engine;
        let basic = |s: &str| {
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(s)
            )
        };
        assert_eq!(
            basic_credentials(&basic("key_1:secret")),
            Some(("key_1".into(), "secret".into()))
        );
        assert_eq!(
            basic_credentials(&basic("key_1:")),
            Some(("key_1".into(), "".into()))
        );
        assert_eq!(basic_credentials(&basic(":secret")), None, "no user id");
        assert_eq!(
            basic_credentials(&basic("key_1:se\ncret")),
            None,
            "control character"
        );
        assert_eq!(basic_credentials(&basic("key_1")), None, "no colon");
        assert_eq!(basic_credentials("Bearer abc"), None);
    }

    /// No `Debug` prints a credential: what a log line or a panic message could carry.
    #[test]
    fn debug_output_never_carries_a_credential() {
        let creds = Credentials {
            authorization: Some("Bearer eyJ.secret.token"),
            api_key: Some("sk_live_secret"),
            query: &[],
            cookies: &[("session".into(), "cookie-secret".into())],
            client_cert: None,
        };
        let d = format!("{creds:?}");
        for secret in ["eyJ.secret.token", "sk_live_secret", "cookie-secret"] {
            assert!(!d.contains(secret), "{d}");
        }
        assert!(
            d.contains("authorization: Some(\"***\")") && d.contains("session"),
            "{d}"
        );
        let (auth, _, _) = fixture();
        let d = format!("{auth:?}");
        assert!(d.starts_with("Auth { issuers: 1"), "{d}");
    }

    /// An `Auth` with one static-JWKS issuer (ES256, kid k1) and one public + one scoped route.
    pub(crate) fn fixture() -> (Auth, Vec<u8>, Vec<RoutePolicy>) {
        let (auth, pem, routes, _) = fixture_in_dir();
        // No overrides in the fixture: each route's policy is its spec security.
        let policies = routes
            .iter()
            .map(|r| RoutePolicy::from_security(r.security.clone()))
            .collect();
        (auth, pem, policies)
    }

    /// [`fixture`], and the directory of its key file.
    fn fixture_in_dir() -> (Auth, Vec<u8>, Vec<Arc<Route>>, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "auth-fixture-{}",
            crate::forwarding::new_request_id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let (pkey, pem) = mint::generate_es256().unwrap();
        let jwk = mint::public_jwk(&pkey, "k1", Algorithm::ES256).unwrap();
        std::fs::write(
            dir.join("jwks.json"),
            serde_json::json!({"keys": [jwk]}).to_string(),
        )
        .unwrap();
        let issuer = fixture_issuer(&dir, "");
        let mut router = crate::router::Router::default();
        let req = scopes::SchemeRequirement {
            scheme: "o".into(),
            kind: scopes::SchemeKind::Bearer,
            scopes: vec!["read".into()],
        };
        router
            .add(
                "s",
                "u",
                http::Method::GET,
                "/x",
                None,
                Security::Requirements(vec![vec![req]]),
            )
            .unwrap();
        let mut report = Report::default();
        let sections = AuthSections {
            issuers: BTreeMap::from([("i".to_string(), issuer)]),
            ..Default::default()
        };
        let (auth, _) = compile(
            vec![(dir.join("p.yaml"), sections)],
            router.routes(),
            &mut report,
        )
        .expect("compiles");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        (auth, pem, router.routes().to_vec(), dir)
    }

    /// The fixture's issuer (ES256 keys from `dir/jwks.json`), with `extra` settings.
    fn fixture_issuer(dir: &Path, extra: &str) -> IssuerFile {
        serde_saphyr::from_str(&format!(
            "issuer: https://i\naudiences: [a]\njwks_file: {}\nalgorithms: [ES256]\n{extra}",
            dir.join("jwks.json").display()
        ))
        .expect("issuer yaml")
    }

    /// Credentials carrying only this `Authorization` value.
    fn bearer(authorization: &str) -> Credentials<'_> {
        Credentials {
            authorization: Some(authorization),
            ..Default::default()
        }
    }

    /// Compile the fixture's issuer again from its directory, with `extra` settings.
    fn recompile(dir: &Path, routes: &[Arc<Route>], extra: &str) -> Auth {
        let issuer = fixture_issuer(dir, extra);
        let sections = AuthSections {
            issuers: BTreeMap::from([("i".to_string(), issuer)]),
            ..Default::default()
        };
        let mut report = Report::default();
        compile(vec![(dir.join("p.yaml"), sections)], routes, &mut report)
            .expect("compiles")
            .0
    }

    #[tokio::test]
    async fn adopt_keeps_unchanged_issuers_and_the_token_cache() {
        let (old, pem, routes, dir) = fixture_in_dir();
        let t = token(&pem, 600, "read");
        let hash: [u8; 32] = Sha256::digest(t.as_bytes()).into();
        old.verify_token(&t).await.expect("valid token");
        assert!(old.cache.contains_key(&hash));

        let mut same = recompile(&dir, &routes, "");
        assert!(
            !same.cache.contains_key(&hash),
            "a fresh compile has an empty cache"
        );
        let adopted = same.adopt(&old);
        assert_eq!(adopted.issuers, vec!["i".to_string()]);
        assert!(adopted.token_cache && adopted.asserter);
        assert!(Arc::ptr_eq(&same.issuers[0], &old.issuers[0]));
        assert!(Arc::ptr_eq(&same.by_iss["https://i"], &old.issuers[0]));
        assert!(
            same.cache.contains_key(&hash),
            "the verified token is still cached"
        );
        assert_eq!(same.asserter.jwks(), old.asserter.jwks());

        // A changed issuer is a new issuer, and cached principals are dropped with it.
        let mut changed = recompile(&dir, &routes, "leeway: 5s\n");
        let adopted = changed.adopt(&old);
        assert!(adopted.issuers.is_empty() && !adopted.token_cache);
        assert!(!Arc::ptr_eq(&changed.issuers[0], &old.issuers[0]));
        assert!(!changed.cache.contains_key(&hash));

        // So is one whose key file changed under the same settings.
        let (pkey, _) = mint::generate_es256().expect("key");
        let jwk = mint::public_jwk(&pkey, "k2", Algorithm::ES256).expect("jwk");
        std::fs::write(
            dir.join("jwks.json"),
            serde_json::json!({"keys": [jwk]}).to_string(),
        )
        .expect("issuer yaml");
        let mut rotated = recompile(&dir, &routes, "");
        assert!(rotated.adopt(&old).issuers.is_empty());
    }

    /// The ephemeral assertion key is kept across a reload only from an ephemeral one to an
    /// ephemeral one: a configured key, newly set or dropped, is never replaced by the old.
    #[tokio::test]
    async fn a_configured_assertion_key_is_never_replaced_by_the_old_ephemeral_one() {
        let (old, _, routes, dir) = fixture_in_dir();
        let key = dir.join("assert.pem");
        let pk = openssl::pkey::PKey::generate_ed25519().unwrap();
        std::fs::write(&key, pk.private_key_to_pem_pkcs8().unwrap()).unwrap();
        let issuer = fixture_issuer(&dir, "");
        let assertion: super::settings::AssertionFile = serde_saphyr::from_str(&format!(
            "active_kid: a1\nkeys: [{{kid: a1, key: {}}}]\n",
            key.display()
        ))
        .unwrap();
        let sections = AuthSections {
            issuers: BTreeMap::from([("i".to_string(), issuer)]),
            assertion: Some(assertion),
            ..Default::default()
        };
        let mut report = Report::default();
        let (mut configured, _) =
            compile(vec![(dir.join("p.yaml"), sections)], &routes, &mut report)
                .unwrap_or_else(|| panic!("{:?}", report.errors));
        let mine = configured.asserter.jwks();
        assert!(
            !configured.adopt(&old).asserter,
            "old ephemeral, new configured"
        );
        assert_eq!(configured.asserter.jwks(), mine);
        let mut ephemeral = recompile(&dir, &routes, "");
        let fresh = ephemeral.asserter.jwks();
        assert!(
            !ephemeral.adopt(&configured).asserter,
            "old configured, new ephemeral"
        );
        assert_eq!(ephemeral.asserter.jwks(), fresh);
        assert_ne!(fresh, mine);
    }

    fn token(pem: &[u8], exp_offset: i64, scope: &str) -> String {
        let now = jwt::now_secs() as i64;
        mint::sign(pem, Algorithm::ES256, Some("k1"), &serde_json::json!({"iss": "https://i", "aud": "a", "sub": "s", "scope": scope, "exp": now + exp_offset})).unwrap()
    }

    fn hits() -> u64 {
        TOKEN_CACHE.with_label_values(&["hit"]).get()
    }

    /// Expiry and the cache's lifetimes are judged by the injected clock: time moves by hand,
    /// no sleeping.
    #[tokio::test]
    async fn expiry_is_judged_by_the_injected_clock() {
        let (auth, pem, routes) = fixture();
        let start = jwt::now_secs();
        let clock = Arc::new(crate::clock::FakeClock::at(start * 1_000_000));
        let auth = auth.with_clock(clock.clone());
        let t = token(&pem, 120, "read");
        let h = format!("Bearer {t}");
        let c = bearer(&h);
        assert!(auth.check(&routes[0], &c).await.unwrap().is_some());
        clock.advance(Duration::from_secs(119));
        assert!(auth.check(&routes[0], &c).await.is_ok(), "before exp");
        // Past exp and the 60 s leeway: the cached verdict is dropped, the token refused.
        clock.advance(Duration::from_secs(62));
        assert!(
            auth.check(&routes[0], &c).await.is_err(),
            "past exp + leeway"
        );
    }

    /// At `exp` itself a cached verdict is no longer served: the token is judged again (here
    /// within the leeway, so accepted) and, with no time left, not cached again.
    #[tokio::test]
    async fn a_cached_verdict_ends_at_exp_itself() {
        let (auth, pem, routes) = fixture();
        let start = jwt::now_secs();
        let clock = Arc::new(crate::clock::FakeClock::at(start * 1_000_000));
        let auth = auth.with_clock(clock.clone());
        let t = token(&pem, 120, "read");
        let hash: [u8; 32] = Sha256::digest(t.as_bytes()).into();
        let h = format!("Bearer {t}");
        let c = bearer(&h);
        assert!(auth.check(&routes[0], &c).await.is_ok());
        let exp = auth.cache.get(&hash).expect("cached").exp;
        clock.advance(Duration::from_secs(exp - 1 - start));
        assert!(auth.check(&routes[0], &c).await.is_ok());
        assert!(
            auth.cache.get(&hash).is_some(),
            "a second before exp: still cached"
        );
        clock.advance(Duration::from_secs(1));
        assert!(
            auth.check(&routes[0], &c).await.is_ok(),
            "within the leeway"
        );
        assert!(
            auth.cache.get(&hash).is_none(),
            "at exp: dropped, not cached again"
        );
    }

    /// Where a token is read from on a route that opts in to the query and a cookie: only
    /// the named parameter or cookie, never two of them (ambiguous), and never a token over
    /// `token_max_bytes` (the bound itself is allowed through to verification).
    #[tokio::test]
    async fn opted_in_query_and_cookie_tokens_are_read_by_name_once() {
        let (auth, pem, routes) = fixture();
        let mut policy = routes[0].clone();
        policy.token_from_query = Some("access_token".into());
        policy.token_from_cookie = Some("session".into());
        let good = token(&pem, 600, "read");
        let pair = |name: &str, value: &str| crate::view::QueryPair {
            raw: String::new(),
            name: name.into(),
            value: value.into(),
        };
        let cookie = |n: &str, v: &str| (n.to_string(), v.to_string());
        // By name: the other parameter and cookie are not read.
        let q = [pair("other", "junk"), pair("access_token", &good)];
        let c = Credentials {
            query: &q,
            ..Default::default()
        };
        assert!(auth.check(&policy, &c).await.is_ok());
        let k = [cookie("other", "junk"), cookie("session", &good)];
        let c = Credentials {
            cookies: &k,
            ..Default::default()
        };
        assert!(auth.check(&policy, &c).await.is_ok());
        // Twice: ambiguous, whichever values.
        let ambiguous = Deny::Ambiguous(crate::view::Ambiguity::DuplicateCredential);
        let q = [pair("access_token", &good), pair("access_token", &good)];
        let c = Credentials {
            query: &q,
            ..Default::default()
        };
        assert_eq!(auth.check(&policy, &c).await.unwrap_err(), ambiguous);
        let k = [cookie("session", &good), cookie("session", &good)];
        let c = Credentials {
            cookies: &k,
            ..Default::default()
        };
        assert_eq!(auth.check(&policy, &c).await.unwrap_err(), ambiguous);
        // Length: at the bound the token is verified (and refused as malformed), one byte
        // over it is refused unread.
        let at = "a".repeat(auth.token_max_bytes);
        let over = "a".repeat(auth.token_max_bytes + 1);
        for (t, why) in [(&at, TokenError::Malformed), (&over, TokenError::TooLarge)] {
            let h = format!("Bearer {t}");
            let c = bearer(&h);
            assert_eq!(
                auth.check(&policy, &c).await.unwrap_err(),
                Deny::Unauthenticated(why)
            );
        }
    }

    /// Ready when every issuer's keys are loaded or local; the API key header is configured
    /// (lower-cased).
    #[tokio::test]
    async fn ready_when_every_remote_issuer_has_keys() {
        let (auth, _, _) = fixture();
        assert!(auth.ready(), "a static JWKS file is loaded at start");
        assert_eq!(auth.api_key_header(), "x-api-key");
        let issuer: IssuerFile = serde_saphyr::from_str(
            "issuer: https://r\naudiences: [a]\njwks_url: http://127.0.0.1:9/keys\nalgorithms: [ES256]\n",
        )
        .unwrap();
        let sections = AuthSections {
            issuers: BTreeMap::from([("r".to_string(), issuer)]),
            ..Default::default()
        };
        let mut report = Report::default();
        let (remote, _) =
            compile(vec![("p.yaml".into(), sections)], &[], &mut report).expect("compiles");
        assert!(!remote.ready(), "a remote issuer before its first fetch");
        // Its tokens meanwhile: the gateway cannot judge them (503), not "unknown key" (401).
        let (_, pem, routes) = fixture();
        let now = jwt::now_secs();
        let t = mint::sign(
            &pem,
            Algorithm::ES256,
            Some("k1"),
            &serde_json::json!({"iss": "https://r", "aud": "a", "exp": now + 60}),
        )
        .unwrap();
        let h = format!("Bearer {t}");
        let c = bearer(&h);
        assert_eq!(
            remote.check(&routes[0], &c).await.unwrap_err(),
            Deny::AuthUnavailable
        );
    }

    /// An introspection answer about another audience is refused; `aud` may be a string or
    /// an array (one listed audience is enough); an answer without `aud` is the
    /// introspecting issuer's own. Against a real RFC 7662 endpoint on loopback.
    #[tokio::test]
    async fn introspected_tokens_for_another_audience_are_refused() {
        let addr = crate::testhttp::serve(|r| {
            let token = r.form("token").unwrap_or("");
            let aud = match token {
                "t-str-ok" => Some(serde_json::json!("a")),
                "t-arr-ok" => Some(serde_json::json!(["x", "a"])),
                "t-arr-bad" => Some(serde_json::json!(["x", "y"])),
                "t-str-bad" => Some(serde_json::json!("b")),
                "t-num" => Some(serde_json::json!(7)),
                _ => None,
            };
            let mut answer = serde_json::json!({"active": true, "sub": "svc", "scope": "read", "exp": jwt::now_secs() + 600});
            if let Some(aud) = aud {
                answer["aud"] = aud;
            }
            if token == "t-noexp" {
                answer.as_object_mut().unwrap().remove("exp");
            }
            crate::testhttp::Answer::json(200, answer.to_string())
        })
        .await;
        let url = format!("http://{addr}/introspect");
        let (_, _, routes, dir) = fixture_in_dir();
        std::fs::write(dir.join("secret"), "s3cret-introspection\n").unwrap();
        let auth = recompile(
            &dir,
            &[],
            &format!(
                "introspection: {{url: \"{url}\", client_id: gateway, client_secret: {{file: \"{}\"}}}}\n",
                dir.join("secret").display()
            ),
        );
        let policy = RoutePolicy::from_security(routes[0].security.clone());
        for (token, want) in [
            ("t-str-ok", None),
            ("t-arr-ok", None),
            ("t-none", None),
            ("t-arr-bad", Some(TokenError::WrongAudience)),
            ("t-str-bad", Some(TokenError::WrongAudience)),
            ("t-num", Some(TokenError::WrongAudience)),
        ] {
            let h = format!("Bearer {token}");
            let c = bearer(&h);
            let got = auth.check(&policy, &c).await;
            match want {
                None => assert!(got.is_ok(), "{token}: {got:?}"),
                Some(e) => assert_eq!(got.unwrap_err(), Deny::Unauthenticated(e), "{token}"),
            }
        }
        // An answer without `exp` is trusted for a minute, no longer.
        let h = "Bearer t-noexp".to_string();
        let c = bearer(&h);
        let now = jwt::now_secs();
        assert!(auth.check(&policy, &c).await.is_ok());
        let hash: [u8; 32] = Sha256::digest(b"t-noexp").into();
        let cached = auth.cache.get(&hash).expect("cached");
        assert!(
            (now + 59..=now + 61).contains(&cached.exp),
            "{} vs now {now}",
            cached.exp
        );
        assert!(cached.ttl <= Duration::from_secs(61), "{:?}", cached.ttl);
    }

    /// The JWE `kid` (which issuer decrypts) comes from the protected header only.
    #[test]
    fn the_jwe_kid_is_read_from_the_protected_header() {
        use base64::Engine;
        let enc = |v: serde_json::Value| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
        };
        let with = enc(serde_json::json!({"alg": "dir", "enc": "A128GCM", "kid": "enc-1"}));
        assert_eq!(jwe_kid(&format!("{with}....")), Some("enc-1".into()));
        let without = enc(serde_json::json!({"alg": "dir", "enc": "A128GCM"}));
        assert_eq!(jwe_kid(&format!("{without}....")), None);
        let numeric = enc(serde_json::json!({"alg": "dir", "kid": 7}));
        assert_eq!(jwe_kid(&format!("{numeric}....")), None);
        assert_eq!(jwe_kid("not-base64!....."), None);
        assert_eq!(
            jwe_kid(&format!("{}....", enc(serde_json::json!("kid")))),
            None
        );
    }

    /// A mapped client certificate is a credential only where the route names `mutualTLS`:
    /// on a bearer route, a certificate alone is "no credential" (401), never a principal.
    #[tokio::test]
    async fn a_certificate_is_no_credential_where_the_route_does_not_name_mutual_tls() {
        let (_, _, routes, dir) = fixture_in_dir();
        let issuer = fixture_issuer(&dir, "");
        let client_certificates = serde_saphyr::from_str(
            "- {subject_cn: device-7, client_id: device-7, scopes: [read]}\n",
        )
        .unwrap();
        let sections = AuthSections {
            issuers: BTreeMap::from([("i".to_string(), issuer)]),
            client_certificates,
            ..Default::default()
        };
        let mut report = Report::default();
        let (auth, _) = compile(vec![(dir.join("p.yaml"), sections)], &routes, &mut report)
            .unwrap_or_else(|| panic!("{:?}", report.errors));
        let cert = crate::clientcert::PeerCert {
            sha256: "ab".repeat(32),
            subject_cn: Some("device-7".into()),
            san_dns: vec![],
            san_uri: vec![],
            san_email: vec![],
            serial: "01".into(),
            error: None,
        };
        let policy = RoutePolicy::from_security(routes[0].security.clone());
        assert!(!policy.accepts_mtls);
        let c = Credentials {
            client_cert: Some(&cert),
            ..Default::default()
        };
        assert_eq!(
            auth.check(&policy, &c).await.unwrap_err(),
            Deny::Unauthenticated(TokenError::Missing)
        );
    }

    /// A verified token is cached for at most `cache_max_ttl` even when it is valid for
    /// longer: past that, it is verified again (for introspected tokens, how soon a
    /// revocation is seen).
    #[tokio::test]
    async fn a_cached_verdict_lives_at_most_cache_max_ttl() {
        let (mut auth, pem, routes) = fixture();
        auth.cache_max_ttl = Duration::from_millis(300);
        let t = token(&pem, 600, "read");
        let hash: [u8; 32] = Sha256::digest(t.as_bytes()).into();
        let h = format!("Bearer {t}");
        let c = bearer(&h);
        assert!(auth.check(&routes[0], &c).await.is_ok());
        assert!(auth.cache.get(&hash).is_some(), "cached");
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(auth.cache.get(&hash).is_none(), "gone after cache_max_ttl");
        assert!(auth.check(&routes[0], &c).await.is_ok());
        assert!(auth.cache.get(&hash).is_some(), "verified and cached again");
    }

    #[tokio::test]
    async fn cache_hits_and_never_outlives_exp() {
        let (auth, pem, routes) = fixture();
        let creds_for = |t: &str| format!("Bearer {t}");
        let t = token(&pem, 600, "read");
        let h = creds_for(&t);
        let c = bearer(&h);
        assert!(auth.check(&routes[0], &c).await.unwrap().is_some());
        let before = hits();
        assert!(auth.check(&routes[0], &c).await.is_ok());
        assert_eq!(hits(), before + 1, "second use is a cache hit");
        // Expired 10 s ago but within the 60 s leeway: accepted, and never cached.
        let t = token(&pem, -10, "read");
        let h = creds_for(&t);
        let c = bearer(&h);
        assert!(auth.check(&routes[0], &c).await.is_ok());
        let before = hits();
        assert!(auth.check(&routes[0], &c).await.is_ok());
        assert_eq!(
            hits(),
            before,
            "a token past exp is never served from the cache"
        );
        // Expired beyond leeway: refused.
        let t = token(&pem, -120, "read");
        let h = creds_for(&t);
        let c = bearer(&h);
        assert_eq!(
            auth.check(&routes[0], &c).await.unwrap_err(),
            Deny::Unauthenticated(TokenError::Expired)
        );
    }

    #[tokio::test]
    async fn scope_and_token_sources() {
        let (auth, pem, routes) = fixture();
        let t = token(&pem, 600, "other");
        let h = format!("Bearer {t}");
        let c = bearer(&h);
        assert_eq!(
            auth.check(&routes[0], &c).await.unwrap_err(),
            Deny::InsufficientScope("read".into())
        );
        // Query and cookie tokens are ignored unless the route opts in.
        let q = [crate::view::QueryPair {
            raw: String::new(),
            name: "access_token".into(),
            value: token(&pem, 600, "read"),
        }];
        let c = Credentials {
            query: &q,
            ..Default::default()
        };
        assert_eq!(
            auth.check(&routes[0], &c).await.unwrap_err(),
            Deny::Unauthenticated(TokenError::Missing)
        );
    }

    /// `http: basic` routes check `Authorization: Basic` against the keys in `policies/`
    /// (`id:key`, or `key:` alone); delegated routes leave `Authorization` to the upstream.
    #[tokio::test]
    async fn basic_credentials_and_delegated_schemes() {
        use base64::Engine;
        let b64 = |s: &str| {
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(s)
            )
        };
        let mut router = crate::router::Router::default();
        let req = |kind| scopes::SchemeRequirement {
            scheme: "s".into(),
            kind,
            scopes: vec!["read".into()],
        };
        for (path, kind) in [
            ("/basic", scopes::SchemeKind::Basic),
            ("/delegated", scopes::SchemeKind::Delegated),
            ("/bearer", scopes::SchemeKind::Bearer),
        ] {
            router
                .add(
                    "s",
                    "u",
                    http::Method::GET,
                    path,
                    None,
                    Security::Requirements(vec![vec![req(kind)]]),
                )
                .unwrap();
        }
        let key: ApiKeyFile = serde_saphyr::from_str(&format!(
            "id: k1\nsha256: {}\nscopes: [read]\n",
            api_key_hash("sk_live_123")
        ))
        .unwrap();
        let sections = AuthSections {
            api_keys: vec![key],
            ..Default::default()
        };
        let mut report = Report::default();
        let (auth, routes) = compile(
            vec![(std::path::PathBuf::from("p.yaml"), sections)],
            router.routes(),
            &mut report,
        )
        .expect("compiles");
        let check = |i: usize, h: String| {
            let auth = &auth;
            let route = routes[i].clone();
            async move {
                let c = bearer(&h);
                auth.check(&route, &c).await
            }
        };
        // id:key and key: both name the key; the principal is a Basic one.
        let p = check(0, b64("k1:sk_live_123")).await.unwrap().unwrap();
        assert_eq!(p.method, AuthMethod::Basic);
        assert_eq!(p.api_key_id.as_deref(), Some("k1"));
        check(0, b64("sk_live_123:")).await.unwrap();
        let bad = Deny::Unauthenticated(TokenError::BadApiKey);
        assert_eq!(check(0, b64("k1:wrong")).await.unwrap_err(), bad);
        assert_eq!(check(0, b64("k2:sk_live_123")).await.unwrap_err(), bad);
        assert_eq!(check(0, b64("wrong:")).await.unwrap_err(), bad);
        assert_eq!(
            check(0, "Basic !!!".into()).await.unwrap_err(),
            Deny::Unauthenticated(TokenError::Malformed)
        );
        // Basic is not accepted where the spec does not declare it.
        assert_eq!(
            check(2, b64("k1:sk_live_123")).await.unwrap_err(),
            Deny::Unauthenticated(TokenError::Malformed)
        );
        // Delegated: whatever `Authorization` says is the upstream's to judge, and forwarded.
        assert_eq!(check(1, "Digest abc".into()).await.unwrap(), None);
        assert!(routes[1].forward_credentials);
        assert!(!routes[0].forward_credentials);
    }

    #[test]
    fn api_key_hash_is_sha256_hex() {
        assert_eq!(
            api_key_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
