//! Route security from the spec's own `security` requirements (OpenAPI semantics).
//!
//! `security` is a list of alternatives (OR); each alternative names schemes that must all be
//! satisfied (AND), each with the scopes it needs. `security: []` (or an empty alternative
//! `{}`) makes an operation public. An operation with no security information at all — neither
//! its own nor a global one — is denied unless a policy marks it public.

use crate::identity::{AuthMethod, Principal};

/// What a security scheme accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemeKind {
    /// `http` + `bearer`, `oauth2`, `openIdConnect`: a JWT or an introspected opaque token.
    Bearer,
    /// `apiKey`: a key from `policies/`.
    ApiKey,
    /// `http` + `basic`: a key from `policies/` sent as Basic credentials.
    Basic,
    /// Passed through on purpose (`x-gateway.security_schemes.NAME: delegate`): the upstream
    /// authenticates; the gateway neither reads nor strips the credential.
    Delegated,
    /// `mutualTLS` (OAS 3.1): a client certificate verified at the edge and mapped by the
    /// `client_certificates:` rules of `policies/`.
    MutualTls,
}

impl SchemeKind {
    /// Whether a verified principal is of the kind this scheme accepts.
    fn accepts(self, p: &Principal) -> bool {
        match self {
            SchemeKind::Bearer => matches!(p.method, AuthMethod::Jwt | AuthMethod::Introspection),
            SchemeKind::ApiKey => p.method == AuthMethod::ApiKey,
            SchemeKind::Basic => p.method == AuthMethod::Basic,
            SchemeKind::Delegated => true,
            SchemeKind::MutualTls => p.method == AuthMethod::ClientCert,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeRequirement {
    pub scheme: String,
    pub kind: SchemeKind,
    pub scopes: Vec<String>,
}

/// The compiled security of one route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Security {
    /// No security information anywhere: denied (deny by default).
    Unspecified,
    /// Anyone may call (a credential, if presented, is still verified).
    Public,
    /// Alternatives (OR) of conjunctions (AND).
    Requirements(Vec<Vec<SchemeRequirement>>),
}

/// Outcome of authorising a (possibly absent) principal against a route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Authz {
    Allowed,
    /// No acceptable credential was presented.
    Unauthenticated,
    /// A credential was verified but lacks scopes; names the scopes of the closest alternative.
    InsufficientScope(String),
    /// No security information and no policy: deny by default.
    NoPolicy,
}

/// `req` against what the request presented: `p`, its credential, and `cert`, the mapped
/// client certificate of its connection when that is not already `p` (a token or key sent
/// over a certificate-authenticated connection). A `mutualTLS` requirement is met by the
/// certificate, every other one by the credential: an alternative naming both (AND) needs
/// both.
fn satisfies(p: &Principal, cert: Option<&Principal>, req: &SchemeRequirement) -> bool {
    let who = match req.kind {
        SchemeKind::Delegated => return true,
        SchemeKind::MutualTls if p.method != AuthMethod::ClientCert => match cert {
            Some(c) => c,
            None => return false,
        },
        _ => p,
    };
    // Exact string match: `read:order`, `READ:ORDERS`, `read:orders_all` never grant `read:orders`.
    req.kind.accepts(who) && req.scopes.iter().all(|s| who.scopes.iter().any(|g| g == s))
}

/// Whether the request presented the kind of credential `req` accepts (scopes aside).
fn presented(p: &Principal, cert: Option<&Principal>, req: &SchemeRequirement) -> bool {
    req.kind.accepts(p) || (req.kind == SchemeKind::MutualTls && cert.is_some())
}

/// Authorise `principal` (the request's credential) against a route's security; `cert` is the
/// connection's mapped client certificate when the credential is something else (see
/// [`satisfies`]).
pub fn authorize(
    security: &Security,
    principal: Option<&Principal>,
    cert: Option<&Principal>,
) -> Authz {
    match security {
        Security::Public => Authz::Allowed,
        Security::Unspecified => Authz::NoPolicy,
        Security::Requirements(alts) => {
            // An empty alternative is public; an alternative made only of delegated schemes
            // is the upstream's to judge.
            if alts
                .iter()
                .any(|a| a.iter().all(|r| r.kind == SchemeKind::Delegated))
            {
                return Authz::Allowed;
            }
            let Some(p) = principal else {
                return Authz::Unauthenticated;
            };
            // The certificate counts beside another credential only in an alternative that
            // also names a scheme of that credential (AND); an alternative of certificates
            // alone is met only when the certificate is the request's credential (a token or
            // key, when presented, is the credential, and what the upstream is told).
            let with = |alt: &[SchemeRequirement]| {
                cert.filter(|_| {
                    alt.iter()
                        .any(|r| !matches!(r.kind, SchemeKind::MutualTls | SchemeKind::Delegated))
                })
            };
            if alts
                .iter()
                .any(|alt| alt.iter().all(|r| satisfies(p, with(alt), r)))
            {
                return Authz::Allowed;
            }
            // Name the scopes of the first alternative these credentials could satisfy.
            let usable = alts
                .iter()
                .find(|alt| alt.iter().all(|r| presented(p, with(alt), r)));
            match usable {
                Some(alt) => {
                    let mut scopes: Vec<&str> = alt
                        .iter()
                        .flat_map(|r| r.scopes.iter().map(String::as_str))
                        .collect();
                    scopes.dedup();
                    Authz::InsufficientScope(scopes.join(" "))
                }
                // The credentials are of kinds this route does not accept at all.
                None => Authz::Unauthenticated,
            }
        }
    }
}

/// Scopes granted by token claims: `scope` (space-delimited) and/or `scp` (array or string).
pub fn scopes_from_claims(claims: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(s) = claims.get("scope").and_then(|v| v.as_str()) {
        out.extend(s.split(' ').filter(|x| !x.is_empty()).map(String::from));
    }
    match claims.get("scp") {
        Some(serde_json::Value::Array(a)) => {
            out.extend(a.iter().filter_map(|v| v.as_str()).map(String::from))
        }
        Some(serde_json::Value::String(s)) => {
            out.extend(s.split(' ').filter(|x| !x.is_empty()).map(String::from))
        }
        _ => {}
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(method: AuthMethod, scopes: &[&str]) -> Principal {
        Principal {
            method,
            issuer: "i".into(),
            subject: Some("s".into()),
            client_id: None,
            tenant: None,
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            tier: None,
            api_key_id: None,
        }
    }

    fn req(kind: SchemeKind, scopes: &[&str]) -> SchemeRequirement {
        SchemeRequirement {
            scheme: "x".into(),
            kind,
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn or_of_ands() {
        let sec = Security::Requirements(vec![
            vec![
                req(SchemeKind::Bearer, &["read:orders"]),
                req(SchemeKind::Bearer, &["audit"]),
            ],
            vec![req(SchemeKind::ApiKey, &[])],
        ]);
        let p = principal(AuthMethod::Jwt, &["read:orders"]);
        assert_eq!(
            authorize(&sec, Some(&p), None),
            Authz::InsufficientScope("read:orders audit".into())
        );
        let p = principal(AuthMethod::Jwt, &["audit", "read:orders"]);
        assert_eq!(authorize(&sec, Some(&p), None), Authz::Allowed);
        let k = principal(AuthMethod::ApiKey, &[]);
        assert_eq!(authorize(&sec, Some(&k), None), Authz::Allowed);
        assert_eq!(authorize(&sec, None, None), Authz::Unauthenticated);
    }

    /// A delegated requirement is the upstream's to judge, scopes included: the gateway's
    /// principal (here a token beside it in the same alternative) is not checked against them.
    #[test]
    fn delegated_scopes_are_the_upstreams() {
        let sec = Security::Requirements(vec![vec![
            req(SchemeKind::Bearer, &["read:orders"]),
            req(SchemeKind::Delegated, &["upstream:only"]),
        ]]);
        let p = principal(AuthMethod::Jwt, &["read:orders"]);
        assert_eq!(authorize(&sec, Some(&p), None), Authz::Allowed);
    }

    #[test]
    fn near_misses_do_not_grant() {
        let sec = Security::Requirements(vec![vec![req(SchemeKind::Bearer, &["read:orders"])]]);
        for bad in [
            "read:order",
            "READ:ORDERS",
            "read:orders_all",
            "read:orders ",
            "read",
            "",
        ] {
            let p = principal(AuthMethod::Jwt, &[bad]);
            assert_eq!(
                authorize(&sec, Some(&p), None),
                Authz::InsufficientScope("read:orders".into()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn public_unspecified_and_empty_alternative() {
        assert_eq!(authorize(&Security::Public, None, None), Authz::Allowed);
        assert_eq!(
            authorize(&Security::Unspecified, None, None),
            Authz::NoPolicy
        );
        let sec = Security::Requirements(vec![vec![req(SchemeKind::Bearer, &["a"])], vec![]]);
        assert_eq!(authorize(&sec, None, None), Authz::Allowed);
    }

    #[test]
    fn api_key_cannot_satisfy_bearer_only_route() {
        let sec = Security::Requirements(vec![vec![req(SchemeKind::Bearer, &[])]]);
        let k = principal(AuthMethod::ApiKey, &["anything"]);
        assert_eq!(authorize(&sec, Some(&k), None), Authz::Unauthenticated);
    }

    #[test]
    fn scope_claims() {
        let c = serde_json::json!({"scope": "b a  a", "scp": ["c", "a"]});
        assert_eq!(scopes_from_claims(&c), vec!["a", "b", "c"]);
        assert!(scopes_from_claims(&serde_json::json!({"scope": 5})).is_empty());
        // `scp` as a space-delimited string too (Azure AD), empty pieces dropped.
        let c = serde_json::json!({"scp": " write  read "});
        assert_eq!(scopes_from_claims(&c), vec!["read", "write"]);
    }

    #[test]
    fn a_certificate_and_a_token_in_one_alternative_need_both() {
        // [{partnerCert: [partner]}, {oauth: [read:orders], partnerCert: []}] style: AND.
        let sec = Security::Requirements(vec![vec![
            req(SchemeKind::MutualTls, &["partner"]),
            req(SchemeKind::Bearer, &["read:orders"]),
        ]]);
        let token = principal(AuthMethod::Jwt, &["read:orders"]);
        let cert = principal(AuthMethod::ClientCert, &["partner"]);
        assert_eq!(authorize(&sec, Some(&token), Some(&cert)), Authz::Allowed);
        // Either alone is not enough.
        assert_eq!(authorize(&sec, Some(&token), None), Authz::Unauthenticated);
        assert_eq!(authorize(&sec, Some(&cert), None), Authz::Unauthenticated);
        // Each part's scopes come from its own credential.
        let weak_cert = principal(AuthMethod::ClientCert, &["read:orders"]);
        assert_eq!(
            authorize(&sec, Some(&token), Some(&weak_cert)),
            Authz::InsufficientScope("partner read:orders".into())
        );
        let weak_token = principal(AuthMethod::Jwt, &["partner"]);
        assert_eq!(
            authorize(&sec, Some(&weak_token), Some(&cert)),
            Authz::InsufficientScope("partner read:orders".into())
        );
        // A certificate is not a token: two certificates do not make both.
        assert_eq!(
            authorize(&sec, Some(&cert), Some(&cert)),
            Authz::Unauthenticated
        );
        // A certificate alone still satisfies a certificate-only alternative.
        let sec = Security::Requirements(vec![vec![req(SchemeKind::MutualTls, &[])]]);
        assert_eq!(authorize(&sec, Some(&cert), None), Authz::Allowed);
        // There a token, when sent, is the credential (and the identity the upstream gets):
        // a certificate-only alternative does not take the connection's certificate instead.
        assert_eq!(
            authorize(&sec, Some(&token), Some(&cert)),
            Authz::Unauthenticated
        );
        assert_eq!(authorize(&sec, Some(&token), None), Authz::Unauthenticated);
    }
}
