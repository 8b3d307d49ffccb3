//! Opaque tokens: RFC 7662 introspection per issuer.
//!
//! Results are cached by SHA-256 of the token (never the token itself) for
//! min(token `exp`, `cache_ttl`); inactive answers are cached for `negative_ttl`. If the
//! endpoint is down the answer is "unavailable" (→ 503), never a success, and nothing is cached.

use super::jwt::TokenError;
use crate::secret::Secret;
use moka::sync::Cache;
use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Clone)]
struct Cached {
    /// `Some(claims)` when active.
    claims: Option<Arc<Value>>,
    /// Unix time after which an active result must not be used.
    exp: u64,
    ttl: Duration,
}

struct Ttl;

impl moka::Expiry<[u8; 32], Cached> for Ttl {
    fn expire_after_create(&self, _k: &[u8; 32], v: &Cached, _now: Instant) -> Option<Duration> {
        Some(v.ttl)
    }
}

pub struct Introspector {
    pub url: String,
    client_id: String,
    client_secret: Secret,
    http: reqwest::Client,
    cache: Cache<[u8; 32], Cached>,
    cache_ttl: Duration,
    negative_ttl: Duration,
}

#[derive(Debug, PartialEq, Eq)]
pub enum IntrospectError {
    /// The token is not active (or the answer says it is not for us).
    Invalid(TokenError),
    /// The endpoint could not answer: 503.
    Unavailable,
}

impl Introspector {
    pub fn new(
        url: String,
        client_id: String,
        client_secret: Secret,
        cache_ttl: Duration,
        negative_ttl: Duration,
    ) -> Introspector {
        Introspector {
            url,
            client_id,
            client_secret,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(3))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap_or_default(),
            cache: Cache::builder()
                .max_capacity(100_000)
                .expire_after(Ttl)
                .build(),
            cache_ttl,
            negative_ttl,
        }
    }

    /// Introspect `token`; returns the active token's claims.
    pub async fn introspect(
        &self,
        token: &str,
        hash: [u8; 32],
        now: u64,
    ) -> Result<Arc<Value>, IntrospectError> {
        if let Some(c) = self.cache.get(&hash) {
            return match c.claims {
                Some(claims) if now < c.exp => Ok(claims),
                Some(_) => {
                    self.cache.invalidate(&hash);
                    Err(IntrospectError::Invalid(TokenError::Expired))
                }
                None => Err(IntrospectError::Invalid(TokenError::Inactive)),
            };
        }
        let resp = self
            .http
            .post(&self.url)
            .basic_auth(&self.client_id, Some(self.client_secret.expose()))
            .form(&[("token", token), ("token_type_hint", "access_token")])
            .send()
            .await
            .map_err(|e| {
                tracing::warn!(url = %self.url, error = %e, "introspection endpoint unreachable");
                IntrospectError::Unavailable
            })?;
        if !resp.status().is_success() {
            tracing::warn!(url = %self.url, status = %resp.status(), "introspection endpoint failed");
            return Err(IntrospectError::Unavailable);
        }
        let body: Value = resp
            .json()
            .await
            .map_err(|_| IntrospectError::Unavailable)?;
        let active = body.get("active").and_then(Value::as_bool) == Some(true);
        let exp = body.get("exp").and_then(Value::as_u64);
        if !active || exp.is_some_and(|e| e <= now) {
            self.cache.insert(
                hash,
                Cached {
                    claims: None,
                    exp: 0,
                    ttl: self.negative_ttl,
                },
            );
            return Err(IntrospectError::Invalid(TokenError::Inactive));
        }
        let until = exp.unwrap_or(now + self.cache_ttl.as_secs());
        let ttl = Duration::from_secs(until.saturating_sub(now)).min(self.cache_ttl);
        let claims = Arc::new(body);
        self.cache.insert(
            hash,
            Cached {
                claims: Some(claims.clone()),
                exp: until,
                ttl,
            },
        );
        Ok(claims)
    }
}
