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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// A real RFC 7662 endpoint on loopback (`crate::testhttp`): answers each POST with the
    /// next queued (status, body) and keeps every request it read, head and body.
    struct Endpoint {
        url: String,
        seen: Arc<Mutex<Vec<String>>>,
    }

    impl Endpoint {
        async fn start(answers: Vec<(u16, &'static str)>) -> Endpoint {
            let seen = Arc::new(Mutex::new(Vec::new()));
            let log = seen.clone();
            let answers = Mutex::new(answers.into_iter());
            let addr = crate::testhttp::serve(move |r| {
                log.lock().unwrap().push(format!("{}{}", r.head, r.body));
                let (status, body) = answers.lock().unwrap().next().unwrap_or((500, "{}"));
                crate::testhttp::Answer::json(status, body)
            })
            .await;
            Endpoint {
                url: format!("http://{addr}/introspect"),
                seen,
            }
        }

        fn hits(&self) -> usize {
            self.seen.lock().unwrap().len()
        }
    }

    fn introspector(url: &str, cache_ttl: u64, negative_ttl: u64) -> Introspector {
        Introspector::new(
            url.to_string(),
            "gateway".into(),
            Secret::new("s3cret".into()),
            Duration::from_secs(cache_ttl),
            Duration::from_secs(negative_ttl),
        )
    }

    const NOW: u64 = 1_700_000_000;

    #[tokio::test]
    async fn an_active_answer_is_cached_until_its_exp_and_then_expired() {
        let ep = Endpoint::start(vec![(
            200,
            r#"{"active":true,"sub":"alice","exp":1700000100}"#,
        )])
        .await;
        let i = introspector(&ep.url, 3600, 60);
        let claims = i.introspect("tok-1", [1; 32], NOW).await.unwrap();
        assert_eq!(claims["sub"], "alice");
        // The request: POST with the client's Basic credentials and the token as a form field.
        let request = ep.seen.lock().unwrap()[0].clone();
        assert!(request.starts_with("POST /introspect "), "{request}");
        let basic =
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "gateway:s3cret");
        assert!(
            request.to_ascii_lowercase().contains(&format!(
                "authorization: basic {}",
                basic.to_ascii_lowercase()
            )),
            "{request}"
        );
        assert!(
            request.ends_with("token=tok-1&token_type_hint=access_token"),
            "{request}"
        );
        // Cached: the endpoint is not asked again while the token lives.
        assert_eq!(
            i.introspect("tok-1", [1; 32], NOW + 99).await.unwrap()["sub"],
            "alice"
        );
        assert_eq!(ep.hits(), 1);
        // At its exp the cached answer is refused and dropped: the next call asks again.
        assert_eq!(
            i.introspect("tok-1", [1; 32], NOW + 100).await,
            Err(IntrospectError::Invalid(TokenError::Expired))
        );
        assert_eq!(ep.hits(), 1);
        assert_eq!(
            i.introspect("tok-1", [1; 32], NOW + 100).await,
            Err(IntrospectError::Unavailable),
            "the queue is empty: the endpoint answers 500"
        );
        assert_eq!(ep.hits(), 2);
    }

    #[tokio::test]
    async fn without_exp_an_active_answer_lives_cache_ttl() {
        let ep = Endpoint::start(vec![(200, r#"{"active":true,"sub":"bob"}"#)]).await;
        let i = introspector(&ep.url, 60, 60);
        assert!(i.introspect("t", [2; 32], NOW).await.is_ok());
        assert!(i.introspect("t", [2; 32], NOW + 59).await.is_ok());
        assert_eq!(
            i.introspect("t", [2; 32], NOW + 60).await,
            Err(IntrospectError::Invalid(TokenError::Expired))
        );
        assert_eq!(ep.hits(), 1);
    }

    #[tokio::test]
    async fn inactive_expired_and_malformed_answers_are_never_a_success() {
        let ep = Endpoint::start(vec![
            (200, r#"{"active":false}"#),
            (200, r#"{"active":"true","sub":"x"}"#),
            (200, r#"{"active":true,"sub":"x","exp":1700000000}"#),
            (200, r#"{"sub":"x"}"#),
            (200, "not json"),
            (503, r#"{"active":true}"#),
        ])
        .await;
        let i = introspector(&ep.url, 3600, 3600);
        let inactive = Err(IntrospectError::Invalid(TokenError::Inactive));
        assert_eq!(i.introspect("a", [3; 32], NOW).await, inactive);
        assert_eq!(
            i.introspect("b", [4; 32], NOW).await,
            inactive,
            "active must be the boolean true"
        );
        assert_eq!(
            i.introspect("c", [5; 32], NOW).await,
            inactive,
            "exp == now is expired"
        );
        assert_eq!(
            i.introspect("d", [6; 32], NOW).await,
            inactive,
            "no active member"
        );
        assert_eq!(
            i.introspect("e", [7; 32], NOW).await,
            Err(IntrospectError::Unavailable)
        );
        assert_eq!(
            i.introspect("f", [8; 32], NOW).await,
            Err(IntrospectError::Unavailable)
        );
        assert_eq!(ep.hits(), 6);
        // Inactive answers are cached (negative_ttl); "unavailable" ones are not.
        assert_eq!(i.introspect("a", [3; 32], NOW).await, inactive);
        assert_eq!(ep.hits(), 6);
        assert_eq!(
            i.introspect("e", [7; 32], NOW).await,
            Err(IntrospectError::Unavailable)
        );
        assert_eq!(ep.hits(), 7);
    }

    #[tokio::test]
    async fn cached_answers_expire_after_their_ttl() {
        // cache_ttl 0 (and negative_ttl 0): nothing outlives its insertion, so every call asks.
        let ep = Endpoint::start(vec![
            (200, r#"{"active":true,"sub":"x","exp":1700000100}"#),
            (200, r#"{"active":true,"sub":"x","exp":1700000100}"#),
            (200, r#"{"active":false}"#),
            (200, r#"{"active":false}"#),
        ])
        .await;
        let i = introspector(&ep.url, 0, 0);
        for _ in 0..2 {
            assert!(i.introspect("t", [9; 32], NOW).await.is_ok());
        }
        for _ in 0..2 {
            assert!(i.introspect("u", [10; 32], NOW).await.is_err());
        }
        assert_eq!(ep.hits(), 4);
        // A token's exp bounds its entry too: exp one second away with a long cache_ttl.
        let ep = Endpoint::start(vec![
            (200, r#"{"active":true,"sub":"x","exp":1700000001}"#),
            (200, r#"{"active":true,"sub":"x","exp":1700000001}"#),
        ])
        .await;
        let i = introspector(&ep.url, 3600, 3600);
        assert!(i.introspect("t", [11; 32], NOW).await.is_ok());
        tokio::time::sleep(Duration::from_millis(1100)).await;
        assert!(i.introspect("t", [11; 32], NOW).await.is_ok());
        assert_eq!(
            ep.hits(),
            2,
            "the entry lived longer than the token's exp - now"
        );
    }
}
