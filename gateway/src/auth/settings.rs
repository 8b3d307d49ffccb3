//! The auth sections of `policies/*.yaml` as written: issuers, JWE keys, API keys, route
//! overrides, the upstream assertion. Read strictly (`deny_unknown_fields`); compiled by
//! [`super::compile`].

use super::*;

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The assertion's documented defaults (docs/tokens.md): on, issuer `gateway`, header
    /// `x-gateway-assertion`, 30 s, reused.
    #[test]
    fn assertion_defaults() {
        let a: AssertionFile = serde_saphyr::from_str("keys: []\n").expect("yaml");
        assert!(a.enabled && a.reuse);
        assert_eq!(
            (a.issuer.as_str(), a.header.as_str(), a.ttl),
            ("gateway", "x-gateway-assertion", Duration::from_secs(30))
        );
    }

    #[test]
    fn introspection_cache_defaults() {
        let i: IntrospectionFile =
            serde_saphyr::from_str("url: https://idp/i\nclient_id: g\nclient_secret: {env: X}\n")
                .expect("yaml");
        assert_eq!(
            (i.cache_ttl, i.negative_ttl),
            (Duration::from_secs(300), Duration::from_secs(10))
        );
    }
}
