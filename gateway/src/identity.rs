//! Who the caller is, once verified. Filled by the tokens-and-scopes pillar (JWT, opaque
//! token introspection, API key); read by rate limiting, audit and the upstream assertion.
//! Nothing in here ever comes from a client-sent identity header.

/// How the caller proved who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    Jwt,
    Introspection,
    ApiKey,
    /// HTTP Basic: a key from `policies/` presented as `Authorization: Basic` (the key id as
    /// user name and the key as password, or the key alone as user name).
    Basic,
    /// A client certificate verified at the edge, mapped by `client_certificates:` rules.
    ClientCert,
}

impl AuthMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthMethod::Jwt => "jwt",
            AuthMethod::Introspection => "introspection",
            AuthMethod::ApiKey => "api_key",
            AuthMethod::Basic => "basic",
            AuthMethod::ClientCert => "mtls",
        }
    }
}

/// A verified caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub method: AuthMethod,
    /// Token `iss`, or `api-key` for API keys.
    pub issuer: String,
    /// `sub` claim (absent for pure client-credential tokens and API keys).
    pub subject: Option<String>,
    /// `client_id` / `azp`, or the API key's client.
    pub client_id: Option<String>,
    /// Tenant from the configured claim or the API key's entry.
    pub tenant: Option<String>,
    /// Granted scopes.
    pub scopes: Vec<String>,
    /// SLA tier name (rate limiting), from the tenant/client mapping in `policies/`.
    pub tier: Option<String>,
    /// Id of the API key used (never the key itself).
    pub api_key_id: Option<String>,
}

impl Principal {
    /// The key rate limits and audit use for "this client": tenant, else client id, else subject.
    pub fn client_key(&self) -> Option<&str> {
        self.tenant
            .as_deref()
            .or(self.client_id.as_deref())
            .or(self.subject.as_deref())
    }
}
