//! Tokens and scopes: who is calling, and may they call this route?
//!
//! The gateway never handles passwords. A caller presents a JWT (verified against its
//! issuer's keys), an opaque token (RFC 7662 introspection), or an API key (stored hashed,
//! compared in constant time). The verified [`Principal`] is then checked against the route's
//! security requirements from its spec (or a policy override). The precise reason of a
//! refusal goes to metrics and the audit record; the client gets a generic 401/403.

pub mod assertion;
pub mod introspect;
pub mod jwe;
pub mod jwks;
pub mod jwt;
pub mod mint;
pub mod scopes;

use crate::config::{resolve_relative, Report, SecretRef};
use crate::identity::{AuthMethod, Principal};
use crate::problem::Deny;
use crate::router::Route;
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
// File model (sections of `policies/*.yaml`)
// ---------------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerFile {
    /// Exact `iss` value.
    pub issuer: String,
    /// Accepted audiences: the token's `aud` (string or array) must contain one.
    pub audiences: Vec<String>,
    pub jwks_file: Option<String>,
    pub jwks_url: Option<String>,
    /// OIDC discovery document URL (`…/.well-known/openid-configuration`).
    pub discovery_url: Option<String>,
    /// Allowed algorithms (default: RS256, PS256, ES256, EdDSA). HS* only with `shared_secret`.
    #[serde(default)]
    pub algorithms: Vec<String>,
    /// Clock leeway (default 60 s, at most 300 s).
    #[serde(default, with = "humantime_serde::option")]
    pub leeway: Option<Duration>,
    #[serde(default)]
    pub refresh: RefreshFile,
    /// `fail` (default): refuse to start if the keys cannot be fetched; `not_ready`: start and
    /// report not-ready until they can.
    #[serde(default)]
    pub on_unreachable_at_start: StartPolicy,
    /// HMAC secret (HS256/384/512), from env or file.
    pub shared_secret: Option<SecretRef>,
    pub shared_secret_kid: Option<String>,
    pub introspection: Option<IntrospectionFile>,
    #[serde(default)]
    pub claims: ClaimsFile,
    /// Encrypted tokens (compact JWE) for this issuer.
    pub jwe: Option<JweFile>,
    /// Tier when neither tenant nor client maps to one.
    pub default_tier: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JweFile {
    /// Decryption keys, chosen by `kid` (two may overlap during a rotation).
    pub keys: Vec<JweKeyFile>,
    /// Accepted content encryption (`enc`): A128GCM, A256GCM, A128CBC-HS256, A256CBC-HS512.
    pub encryption: Vec<String>,
    /// Accept `zip: DEF`, inflating at most this many bytes (off when absent).
    pub zip_max_bytes: Option<usize>,
    /// Accept an encrypted payload that is not a signed JWT (trust encryption alone).
    #[serde(default)]
    pub trust_encryption_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JweKeyFile {
    pub kid: String,
    /// RSA-OAEP-256, RSA-OAEP, ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A256KW or dir.
    pub alg: String,
    /// PEM private key, or a JWK file (required for `dir`).
    pub key: String,
}

#[derive(Debug, Deserialize, Clone, Copy, Default, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StartPolicy {
    #[default]
    Fail,
    NotReady,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RefreshFile {
    #[serde(with = "humantime_serde")]
    pub min: Duration,
    #[serde(with = "humantime_serde")]
    pub max: Duration,
    /// At most one refetch per this interval on unknown `kid`s.
    #[serde(with = "humantime_serde")]
    pub unknown_kid_interval: Duration,
    /// The longest a request with an unknown `kid` waits for that refetch (default 500ms,
    /// at most 5s); the fetch itself goes on in the background and later requests see its keys.
    #[serde(with = "humantime_serde")]
    pub unknown_kid_wait: Duration,
}

impl Default for RefreshFile {
    fn default() -> Self {
        RefreshFile {
            min: Duration::from_secs(60),
            max: Duration::from_secs(3600),
            unknown_kid_interval: Duration::from_secs(10),
            unknown_kid_wait: Duration::from_millis(500),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntrospectionFile {
    pub url: String,
    pub client_id: String,
    pub client_secret: SecretRef,
    #[serde(default = "default_intro_ttl", with = "humantime_serde")]
    pub cache_ttl: Duration,
    #[serde(default = "default_neg_ttl", with = "humantime_serde")]
    pub negative_ttl: Duration,
}

fn default_intro_ttl() -> Duration {
    Duration::from_secs(300)
}
fn default_neg_ttl() -> Duration {
    Duration::from_secs(10)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClaimsFile {
    pub tenant: String,
    /// Claims tried in order for the client id.
    pub client_id: Vec<String>,
}

impl Default for ClaimsFile {
    fn default() -> Self {
        ClaimsFile {
            tenant: "tenant".into(),
            client_id: vec!["client_id".into(), "azp".into()],
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthSettingsFile {
    /// Largest accepted token in bytes.
    pub token_max_bytes: usize,
    /// Verified-token cache entries (TinyLFU, bounded).
    pub cache_max_entries: u64,
    /// Longest a verified token stays cached (never past its `exp`).
    #[serde(with = "humantime_serde")]
    pub cache_max_ttl: Duration,
    /// Header carrying API keys.
    pub api_key_header: String,
    /// Issuer used for tokens that are not JWTs (must have `introspection`).
    pub opaque_token_issuer: Option<String>,
}

impl Default for AuthSettingsFile {
    fn default() -> Self {
        AuthSettingsFile {
            token_max_bytes: 8192,
            cache_max_entries: 100_000,
            cache_max_ttl: Duration::from_secs(300),
            api_key_header: "x-api-key".into(),
            opaque_token_issuer: None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyFile {
    /// Public id of the key (logged; the key never is).
    pub id: String,
    /// Hex SHA-256 of the key.
    pub sha256: String,
    pub client_id: Option<String>,
    pub tenant: Option<String>,
    pub tier: Option<String>,
    /// The only scopes this key grants.
    #[serde(default)]
    pub scopes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierRef {
    pub tier: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutePolicyFile {
    pub method: String,
    /// Route template as in the spec (with base path).
    pub path: String,
    /// Anyone may call.
    #[serde(default)]
    pub public: bool,
    /// Overrides the spec's requirements: alternatives (OR) of scope sets (AND), bearer tokens.
    pub scopes: Option<Vec<Vec<String>>>,
    /// Also accept the token from this query parameter (opt-in).
    pub token_from_query: Option<String>,
    /// Also accept the token from this cookie (opt-in).
    pub token_from_cookie: Option<String>,
    /// Forward the client's own credentials upstream (default: stripped).
    #[serde(default)]
    pub forward_credentials: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssertionFile {
    /// Sign an assertion for every authenticated request (default). Off only where upstreams
    /// do not verify it: signing is the largest per-request cost of an authenticated call.
    #[serde(default = "default_true")]
    pub enabled: bool,
    #[serde(default = "default_assertion_issuer")]
    pub issuer: String,
    #[serde(default = "default_assertion_header")]
    pub header: String,
    #[serde(default = "default_assertion_ttl", with = "humantime_serde")]
    pub ttl: Duration,
    /// Hand a signed assertion out again to the same principal for the same upstream while it
    /// is younger than half its `ttl` (default), instead of signing every request. Off: every
    /// request gets its own (see docs/security.md for the trade-off).
    #[serde(default = "default_true")]
    pub reuse: bool,
    /// Ed25519 PEM keys; list two to rotate (both are published).
    #[serde(default)]
    pub keys: Vec<AssertionKeyFile>,
    #[serde(default)]
    pub active_kid: String,
}

fn default_true() -> bool {
    true
}

fn default_assertion_issuer() -> String {
    "gateway".into()
}
fn default_assertion_header() -> String {
    "x-gateway-assertion".into()
}
fn default_assertion_ttl() -> Duration {
    Duration::from_secs(30)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssertionKeyFile {
    pub kid: String,
    pub key: String,
}

/// The auth sections of one policy file.
#[derive(Debug, Default)]
pub struct AuthSections {
    pub issuers: BTreeMap<String, IssuerFile>,
    pub auth: Option<AuthSettingsFile>,
    pub api_keys: Vec<ApiKeyFile>,
    pub tenants: BTreeMap<String, TierRef>,
    pub clients: BTreeMap<String, TierRef>,
    pub routes: Vec<RoutePolicyFile>,
    pub assertion: Option<AssertionFile>,
    pub client_certificates: Vec<crate::clientcert::CertRuleFile>,
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

/// The credential-bearing parts of a request.
#[derive(Debug, Default)]
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
        match scopes::authorize(&policy.security, principal.as_ref()) {
            Authz::Allowed => Ok(principal),
            Authz::Unauthenticated => Err(deny_token(TokenError::Missing)),
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
        self.client_certs
            .principal(c, |tenant, client| {
                tenant
                    .and_then(|t| self.tenants.get(t).cloned())
                    .or_else(|| client.and_then(|c| self.clients.get(c).cloned()))
            })
            .map_err(deny_token)
    }

    /// Verify a bearer token (JWT or opaque), through the verified-token cache.
    pub async fn verify_token(&self, token: &str) -> Result<Principal, Deny> {
        let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let now = jwt::now_secs();
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

// ---------------------------------------------------------------------------------------
// Compilation
// ---------------------------------------------------------------------------------------

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
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Background service: refreshes every remote issuer's keys. Follows the configuration
/// generations: an issuer a reload kept keeps its loop (and its keys), a new one gets its own
/// (its first fetch at once), a removed one's stops.
pub struct KeyRefresher {
    pub generations: tokio::sync::watch::Receiver<Arc<crate::generation::Generation>>,
}

#[async_trait::async_trait]
impl pingora::services::background::BackgroundService for KeyRefresher {
    async fn start(&self, mut shutdown: pingora::server::ShutdownWatch) {
        let mut tasks: Vec<(Arc<IssuerKeys>, tokio::task::JoinHandle<()>)> = Vec::new();
        let mut gens = self.generations.clone();
        loop {
            let auth = gens.borrow_and_update().cfg.auth.clone();
            tasks.retain(|(k, t)| {
                let kept = auth.issuers.iter().any(|i| Arc::ptr_eq(&i.keys, k));
                if !kept {
                    t.abort();
                }
                kept
            });
            for i in &auth.issuers {
                if !tasks.iter().any(|(k, _)| Arc::ptr_eq(k, &i.keys)) {
                    tasks.push((i.keys.clone(), tokio::spawn(i.keys.clone().refresh_loop())));
                }
            }
            tokio::select! {
                r = gens.changed() => if r.is_err() { break },
                _ = shutdown.changed() => break,
            }
        }
        for (_, t) in tasks {
            t.abort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::mint;

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
        let issuer: IssuerFile = serde_saphyr::from_str(&format!(
            "issuer: https://i\naudiences: [a]\njwks_file: {}\nalgorithms: [ES256]\n",
            dir.join("jwks.json").display()
        ))
        .unwrap();
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

    /// Compile the fixture's issuer again from its directory, with `extra` settings.
    fn recompile(dir: &Path, routes: &[Arc<Route>], extra: &str) -> Auth {
        let issuer: IssuerFile = serde_saphyr::from_str(&format!(
            "issuer: https://i\naudiences: [a]\njwks_file: {}\nalgorithms: [ES256]\n{extra}",
            dir.join("jwks.json").display()
        ))
        .expect("issuer yaml");
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

    fn token(pem: &[u8], exp_offset: i64, scope: &str) -> String {
        let now = jwt::now_secs() as i64;
        mint::sign(pem, Algorithm::ES256, Some("k1"), &serde_json::json!({"iss": "https://i", "aud": "a", "sub": "s", "scope": scope, "exp": now + exp_offset})).unwrap()
    }

    fn hits() -> u64 {
        TOKEN_CACHE.with_label_values(&["hit"]).get()
    }

    #[tokio::test]
    async fn cache_hits_and_never_outlives_exp() {
        let (auth, pem, routes) = fixture();
        let creds_for = |t: &str| format!("Bearer {t}");
        let t = token(&pem, 600, "read");
        let h = creds_for(&t);
        let c = Credentials {
            authorization: Some(&h),
            ..Default::default()
        };
        assert!(auth.check(&routes[0], &c).await.unwrap().is_some());
        let before = hits();
        assert!(auth.check(&routes[0], &c).await.is_ok());
        assert_eq!(hits(), before + 1, "second use is a cache hit");
        // Expired 10 s ago but within the 60 s leeway: accepted, and never cached.
        let t = token(&pem, -10, "read");
        let h = creds_for(&t);
        let c = Credentials {
            authorization: Some(&h),
            ..Default::default()
        };
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
        let c = Credentials {
            authorization: Some(&h),
            ..Default::default()
        };
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
        let c = Credentials {
            authorization: Some(&h),
            ..Default::default()
        };
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
                let c = Credentials {
                    authorization: Some(&h),
                    ..Default::default()
                };
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
