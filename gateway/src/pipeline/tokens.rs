//! Tokens and scopes as a pipeline policy: the route's auth requirements
//! ([`crate::auth::RoutePolicy`]) checked by the generation's [`crate::auth::Auth`] (issuers,
//! keys, verified-token cache: [`super::Request::auth`]), and the upstream request's
//! credentials replaced by the verified identity.

use super::{Decisions, Policy, Request};
use crate::auth::{Credentials, RoutePolicy};
use crate::problem::Deny;
use async_trait::async_trait;
use pingora::http::RequestHeader;
use pingora::{Error, ErrorType};
use std::any::Any;

/// Identity headers only the gateway may set.
const IDENTITY_HEADERS: [&str; 4] = [
    "x-gateway-subject",
    "x-gateway-client-id",
    "x-gateway-tenant",
    "x-gateway-scopes",
];

#[derive(Debug)]
pub struct Tokens {
    pub route: RoutePolicy,
}

#[async_trait]
impl Policy for Tokens {
    fn name(&self) -> &'static str {
        "tokens"
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    async fn headers(&self, req: &Request<'_>, d: &mut Decisions) -> Result<(), Deny> {
        let creds = Credentials {
            authorization: req.view.authorization.as_deref(),
            api_key: req.view.api_key.as_deref(),
            query: &req.view.query,
            cookies: &req.view.cookies,
            client_cert: req.client_cert,
        };
        d.principal = req.auth.check(&self.route, &creds).await?;
        Ok(())
    }

    fn upstream_request(
        &self,
        req: &Request<'_>,
        d: &Decisions,
        up: &mut RequestHeader,
    ) -> pingora::Result<()> {
        let auth = req.auth;
        // The client's own credentials are not forwarded unless the route asks for it; the
        // gateway's assertion and identity headers replace them.
        if !self.route.forward_credentials {
            // A token taken from the query string is not passed on.
            if let Some(name) = self.route.token_from_query.as_deref() {
                let target = match req.view.forwarded_query(Some(name)) {
                    Some(q) => format!("{}?{q}", req.view.path),
                    None => req.view.path.clone(),
                };
                up.set_raw_path(target.as_bytes())?;
            }
            // Nor a token taken from a cookie.
            if let Some(name) = &self.route.token_from_cookie {
                up.remove_header(&http::header::COOKIE);
                if let Some(c) = req.view.forwarded_cookie(name) {
                    up.insert_header(http::header::COOKIE, c)?;
                }
            }
        }
        // The client's credentials (unless forwarded), and the assertion and identity headers
        // only the gateway sets.
        let credentials = !self.route.forward_credentials;
        crate::forwarding::remove_headers_where(up, |k| {
            IDENTITY_HEADERS.contains(&k)
                || k.eq_ignore_ascii_case(&auth.asserter.header)
                || (credentials
                    && (k == http::header::AUTHORIZATION.as_str()
                        || k.eq_ignore_ascii_case(auth.api_key_header())))
        });
        if let Some(p) = &d.principal {
            if let Some(s) = &p.subject {
                up.insert_header("x-gateway-subject", s.as_str())?;
            }
            if let Some(s) = &p.client_id {
                up.insert_header("x-gateway-client-id", s.as_str())?;
            }
            if let Some(s) = &p.tenant {
                up.insert_header("x-gateway-tenant", s.as_str())?;
            }
            up.insert_header("x-gateway-scopes", p.scopes.join(" "))?;
            if auth.assertion_enabled {
                // Reused for the same principal and upstream while young (auth::assertion);
                // the request id travels in `x-request-id`, not in the assertion.
                let claims = crate::auth::assertion::AssertionClaims {
                    upstream: &req.route.upstream,
                    principal: p,
                    client_cert: req.client_cert.filter(|c| c.error.is_none()),
                };
                let jwt = auth
                    .asserter
                    .sign(&claims, crate::auth::jwt::now_secs())
                    .map_err(|e| Error::explain(ErrorType::InternalError, e))?;
                up.insert_header(auth.asserter.header.clone(), jwt)?;
            }
        }
        Ok(())
    }
}
