//! Every response the gateway generates itself: one typed denial per reason, mapped to an
//! RFC 9457 `application/problem+json` body in exactly one place.
//!
//! Bodies never echo client input: the `detail` is a fixed sentence per reason, so a
//! reflected-XSS or log-injection payload in a path or header cannot come back out.

use crate::canon::PathError;
use serde::Serialize;

/// One broken rule: where (a JSON pointer: `/body/items/0/sku`, `/query/limit`,
/// `/path/orderId`, `/header/x-trace`) and which rule. Never the value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    pub pointer: String,
    pub rule: String,
}

impl Violation {
    pub fn new(pointer: impl Into<String>, rule: impl Into<String>) -> Self {
        Violation {
            pointer: pointer.into(),
            rule: rule.into(),
        }
    }
}

/// Why the gateway answered instead of the upstream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deny {
    /// The request target could not be canonicalised unambiguously.
    BadPath(PathError),
    /// The query string carries bytes that parsers disagree on.
    BadQuery(PathError),
    /// Absolute-form target naming a host other than `Host`, or a missing/duplicated `Host`.
    BadAuthority,
    /// Ambiguous message framing (`Content-Length` with `Transfer-Encoding`, or conflicting lengths).
    BadFraming,
    /// No route has this path.
    NotFound,
    /// The path exists with other methods.
    MethodNotAllowed { allow: String },
    /// Header section larger than configured, or too many header fields.
    HeadersTooLarge,
    /// Declared or streamed body larger than the cap.
    BodyTooLarge,
    /// The client did not finish sending its body in time.
    BodyTimeout,
    /// Missing or invalid credential (the precise reason is for audit and metrics only).
    Unauthenticated(crate::auth::jwt::TokenError),
    /// A verified credential lacks the route's scopes; names them.
    InsufficientScope(String),
    /// The operation has no security information and no policy marks it public.
    NoSecurityPolicy,
    /// Credentials cannot be checked right now (introspection down, keys not loaded).
    AuthUnavailable,
    /// No healthy address for the route's upstream.
    UpstreamUnavailable,
    /// The upstream could not be reached or failed mid-exchange.
    UpstreamFailed,
    /// The upstream did not answer in time.
    UpstreamTimeout,
    /// The request breaks its operation's OpenAPI contract (every violation listed).
    SchemaInvalid(Vec<Violation>),
    /// The body's media type is not one the operation declares (or it declares no body).
    UnsupportedMediaType,
    /// An SQL/NoSQL injection or XSS payload was found and the action is `block`.
    InjectionBlocked(Vec<Violation>),
    /// A fault inside the gateway.
    Internal,
    /// Over a rate limit: 429 with `Retry-After` (seconds) and the IETF `RateLimit` headers.
    RateLimited {
        retry_after: u64,
        policy: String,
        ratelimit: String,
    },
    /// A rate limit with fail policy `closed` while its Redis is unreachable.
    RateLimitUnavailable,
    /// A request two parsers could read differently (see [`crate::view`]).
    Ambiguous(crate::view::Ambiguity),
    /// An `Expect` other than `100-continue` (RFC 9110 §10.1.1).
    ExpectationFailed,
    /// More requests in flight than `limits.max_inflight`: shed at once, not queued.
    Overloaded,
    /// Refused by a registered policy ([`crate::policies`]): its own problem type and sentence.
    Refused(Refusal),
}

/// A registered policy's refusal: the policy defines it once, as a constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// 4xx status (403 for a policy that forbids).
    pub status: u16,
    /// Problem type slug and `reason` label, e.g. `cors-origin-refused`.
    pub slug: &'static str,
    /// The fixed sentence of the problem's `detail`.
    pub detail: &'static str,
}

impl Deny {
    pub fn status(&self) -> u16 {
        match self {
            Deny::BadPath(_) | Deny::BadQuery(_) | Deny::BadAuthority | Deny::BadFraming => 400,
            Deny::Ambiguous(_) => 400,
            Deny::ExpectationFailed => 417,
            Deny::SchemaInvalid(_) | Deny::InjectionBlocked(_) => 400,
            Deny::UnsupportedMediaType => 415,
            Deny::NotFound => 404,
            Deny::MethodNotAllowed { .. } => 405,
            Deny::BodyTimeout => 408,
            Deny::Unauthenticated(_) => 401,
            Deny::InsufficientScope(_) | Deny::NoSecurityPolicy => 403,
            Deny::AuthUnavailable => 503,
            Deny::BodyTooLarge => 413,
            Deny::HeadersTooLarge => 431,
            Deny::UpstreamFailed => 502,
            Deny::UpstreamUnavailable | Deny::RateLimitUnavailable | Deny::Overloaded => 503,
            Deny::RateLimited { .. } => 429,
            Deny::UpstreamTimeout => 504,
            Deny::Internal => 500,
            Deny::Refused(r) => r.status,
        }
    }

    /// Stable slug: the last part of the problem `type`, and the `reason` label of metrics.
    pub fn slug(&self) -> &'static str {
        match self {
            Deny::BadPath(e) | Deny::BadQuery(e) => e.slug(),
            Deny::BadAuthority => "bad-authority",
            Deny::Ambiguous(a) => a.slug(),
            Deny::ExpectationFailed => "expectation-failed",
            Deny::Unauthenticated(e) if e.is_certificate() => "invalid-client-certificate",
            Deny::Unauthenticated(_) => "invalid-token",
            Deny::InsufficientScope(_) => "insufficient-scope",
            Deny::NoSecurityPolicy => "no-security-policy",
            Deny::AuthUnavailable => "auth-unavailable",
            Deny::BadFraming => "bad-framing",
            Deny::NotFound => "not-found",
            Deny::MethodNotAllowed { .. } => "method-not-allowed",
            Deny::HeadersTooLarge => "headers-too-large",
            Deny::BodyTooLarge => "body-too-large",
            Deny::BodyTimeout => "body-timeout",
            Deny::UpstreamUnavailable => "upstream-unavailable",
            Deny::UpstreamFailed => "upstream-failed",
            Deny::UpstreamTimeout => "upstream-timeout",
            Deny::SchemaInvalid(_) => "schema-invalid",
            Deny::UnsupportedMediaType => "unsupported-media-type",
            Deny::InjectionBlocked(_) => "injection-blocked",
            Deny::Internal => "internal",
            Deny::RateLimited { .. } => "rate-limited",
            Deny::RateLimitUnavailable => "rate-limit-unavailable",
            Deny::Overloaded => "overloaded",
            Deny::Refused(r) => r.slug,
        }
    }

    /// The precise reason for audit and metrics (never sent to the client).
    pub fn reason(&self) -> &'static str {
        match self {
            Deny::Unauthenticated(e) => e.reason(),
            other => other.slug(),
        }
    }

    /// The audit/metrics decision class.
    pub fn decision(&self) -> &'static str {
        match self {
            Deny::BadPath(_)
            | Deny::BadQuery(_)
            | Deny::BadAuthority
            | Deny::BadFraming
            | Deny::Ambiguous(_)
            | Deny::ExpectationFailed => "bad_request",
            Deny::NotFound | Deny::MethodNotAllowed { .. } => "no_route",
            Deny::Unauthenticated(_) | Deny::AuthUnavailable => "auth_failed",
            Deny::InsufficientScope(_) | Deny::NoSecurityPolicy => "scope_denied",
            Deny::SchemaInvalid(_) | Deny::UnsupportedMediaType => "schema_invalid",
            Deny::InjectionBlocked(_) => "injection_blocked",
            Deny::HeadersTooLarge | Deny::BodyTooLarge | Deny::BodyTimeout => "protocol_limit",
            Deny::UpstreamUnavailable | Deny::UpstreamFailed | Deny::UpstreamTimeout => {
                "upstream_error"
            }
            Deny::Internal => "internal_error",
            Deny::RateLimited { .. } | Deny::RateLimitUnavailable => "rate_limited",
            Deny::Overloaded => "overloaded",
            Deny::Refused(_) => "policy_denied",
        }
    }

    fn title(&self) -> &'static str {
        match self.status() {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            408 => "Request Timeout",
            413 => "Content Too Large",
            429 => "Too Many Requests",
            415 => "Unsupported Media Type",
            417 => "Expectation Failed",
            431 => "Request Header Fields Too Large",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Internal Server Error",
        }
    }

    /// A fixed sentence: never built from client input.
    fn detail(&self) -> String {
        match self {
            Deny::BadPath(e) | Deny::BadQuery(e) => format!("Refused: {e}."),
            Deny::BadAuthority => "The request target names a different host.".into(),
            Deny::BadFraming => "The message framing is ambiguous.".into(),
            Deny::Ambiguous(a) => a.detail().into(),
            Deny::ExpectationFailed => "Only the expectation 100-continue is supported.".into(),
            Deny::Unauthenticated(e) if e.is_certificate() => {
                "The client certificate is not accepted.".into()
            }
            Deny::Unauthenticated(_) => "A valid access token is required.".into(),
            Deny::InsufficientScope(s) => format!("The token lacks a required scope: {s}."),
            Deny::NoSecurityPolicy => "This operation is not open to callers.".into(),
            Deny::AuthUnavailable => "Credentials cannot be verified right now.".into(),
            Deny::NotFound => "No route matches this path.".into(),
            Deny::MethodNotAllowed { .. } => "This method is not allowed on this path.".into(),
            Deny::HeadersTooLarge => "The request header section is too large.".into(),
            Deny::BodyTooLarge => "The request body is larger than allowed.".into(),
            Deny::BodyTimeout => "The request body was not received in time.".into(),
            Deny::UpstreamUnavailable => "The service is temporarily unavailable.".into(),
            Deny::UpstreamFailed => "The service could not complete the request.".into(),
            Deny::UpstreamTimeout => "The service did not answer in time.".into(),
            Deny::SchemaInvalid(_) => "The request does not match the API contract.".into(),
            Deny::UnsupportedMediaType => {
                "The request body's media type is not accepted here.".into()
            }
            Deny::InjectionBlocked(_) => "The request carries a forbidden payload.".into(),
            Deny::Internal => "The gateway could not process the request.".into(),
            Deny::RateLimited { .. } => {
                "Too many requests: retry after the indicated delay.".into()
            }
            Deny::RateLimitUnavailable => {
                "Rate limiting is unavailable; the request was not processed.".into()
            }
            Deny::Overloaded => "The gateway is at capacity: retry shortly.".into(),
            Deny::Refused(r) => r.detail.into(),
        }
    }

    /// Whether the connection must be closed after answering (framing errors leave the
    /// stream in an unknown state; body errors leave unread bytes).
    pub fn closes_connection(&self) -> bool {
        matches!(
            self,
            Deny::BadFraming | Deny::BodyTooLarge | Deny::BodyTimeout | Deny::HeadersTooLarge
        )
    }

    /// Extra response headers this denial needs.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        match self {
            Deny::MethodNotAllowed { allow } => vec![("allow", allow.clone())],
            Deny::UpstreamUnavailable
            | Deny::AuthUnavailable
            | Deny::RateLimitUnavailable
            | Deny::Overloaded => {
                vec![("retry-after", "1".into())]
            }
            Deny::Unauthenticated(e) if e.is_certificate() => Vec::new(),
            Deny::Unauthenticated(_) => vec![(
                "www-authenticate",
                r#"Bearer realm="gateway", error="invalid_token""#.into(),
            )],
            Deny::InsufficientScope(s) => {
                vec![(
                    "www-authenticate",
                    format!(r#"Bearer realm="gateway", error="insufficient_scope", scope="{s}""#),
                )]
            }
            Deny::RateLimited {
                retry_after,
                policy,
                ratelimit,
            } => vec![
                ("retry-after", retry_after.to_string()),
                ("ratelimit-policy", policy.clone()),
                ("ratelimit", ratelimit.clone()),
            ],
            _ => Vec::new(),
        }
    }

    /// The problem+json body.
    pub fn body(&self, request_id: &str) -> Vec<u8> {
        #[derive(Serialize)]
        struct Problem<'a> {
            #[serde(rename = "type")]
            kind: String,
            title: &'a str,
            status: u16,
            detail: String,
            request_id: &'a str,
            /// Violations (pointer + rule), for contract and screening denials only.
            #[serde(skip_serializing_if = "Option::is_none")]
            errors: Option<&'a [Violation]>,
        }
        let p = Problem {
            kind: format!("{PROBLEM_BASE}{}", self.slug()),
            title: self.title(),
            status: self.status(),
            detail: self.detail(),
            request_id,
            errors: match self {
                Deny::SchemaInvalid(v) | Deny::InjectionBlocked(v) => Some(v.as_slice()),
                _ => None,
            },
        };
        serde_json::to_vec(&p).unwrap_or_default()
    }
}

/// Prefix of every problem `type`. A URN: stable, and does not pretend to be resolvable.
pub const PROBLEM_BASE: &str = "urn:gateway:problem:";

pub const PROBLEM_JSON: &str = "application/problem+json";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_problem_json_with_request_id() {
        let d = Deny::MethodNotAllowed {
            allow: "GET, POST".into(),
        };
        let v: serde_json::Value = serde_json::from_slice(&d.body("abc")).unwrap();
        assert_eq!(v["status"], 405);
        assert_eq!(v["type"], "urn:gateway:problem:method-not-allowed");
        assert_eq!(v["request_id"], "abc");
        assert_eq!(d.headers(), vec![("allow", "GET, POST".to_string())]);
    }

    #[test]
    fn violations_are_listed_without_values() {
        let d = Deny::SchemaInvalid(vec![Violation::new("/body/quantity", "maximum")]);
        let v: serde_json::Value = serde_json::from_slice(&d.body("r")).unwrap();
        assert_eq!(v["status"], 400);
        assert_eq!(v["type"], "urn:gateway:problem:schema-invalid");
        assert_eq!(
            v["errors"],
            serde_json::json!([{"pointer": "/body/quantity", "rule": "maximum"}])
        );
        assert_eq!(d.decision(), "schema_invalid");
        assert_eq!(
            Deny::InjectionBlocked(vec![]).decision(),
            "injection_blocked"
        );
        assert_eq!(Deny::UnsupportedMediaType.status(), 415);
        let plain: serde_json::Value = serde_json::from_slice(&Deny::NotFound.body("r")).unwrap();
        assert!(plain.get("errors").is_none());
    }

    #[test]
    fn statuses() {
        assert_eq!(Deny::BadPath(PathError::EncodedSeparator).status(), 400);
        assert_eq!(Deny::HeadersTooLarge.status(), 431);
        assert_eq!(Deny::BodyTooLarge.status(), 413);
        assert_eq!(Deny::UpstreamTimeout.status(), 504);
    }
}
