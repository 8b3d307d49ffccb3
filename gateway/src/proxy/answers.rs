//! The answers the gateway writes itself: its own response headers (with the plan's edits),
//! RFC 9457 problems, and which Pingora errors become which problem.

use super::*;

impl Gateway {
    /// A response header the gateway writes itself, with the plan's edits (CORS headers).
    pub(super) fn own_response(
        &self,
        session: &Session,
        ctx: &Ctx,
        status: u16,
    ) -> Result<ResponseHeader> {
        let mut resp = ResponseHeader::build(status, Some(8))?;
        if let (Some(plan), Some(route)) = (&ctx.plan, &ctx.route) {
            if let Some(req) = self.policy_request(session.req_header(), ctx, route) {
                plan.response(&req, &mut resp);
            }
        }
        Ok(resp)
    }

    /// A policy's own answer (a CORS preflight): no body, nothing forwarded.
    pub(super) async fn write_answer(
        &self,
        session: &mut Session,
        ctx: &Ctx,
        a: &Answer,
    ) -> Result<()> {
        let mut resp = self.own_response(session, ctx, a.status)?;
        for (k, v) in &a.headers {
            resp.insert_header(k.clone(), v.clone())?;
        }
        resp.insert_header("content-length", "0")?;
        resp.insert_header("x-request-id", ctx.request_id.as_str())?;
        if crate::drain::draining() {
            session.set_keepalive(None);
            resp.insert_header("connection", "close")?;
        }
        session.write_response_header(Box::new(resp), true).await
    }

    pub(super) async fn write_problem(
        &self,
        session: &mut Session,
        ctx: &Ctx,
        deny: &Deny,
    ) -> Result<()> {
        let resp = self.own_response(session, ctx, deny.status())?;
        write_problem(session, ctx, deny, resp).await
    }
}

async fn write_problem(
    session: &mut Session,
    ctx: &Ctx,
    deny: &Deny,
    mut resp: ResponseHeader,
) -> Result<()> {
    let body = deny.body(&ctx.request_id);
    resp.insert_header("content-type", PROBLEM_JSON)?;
    resp.insert_header("content-length", body.len().to_string())?;
    resp.insert_header("cache-control", "no-store")?;
    resp.insert_header("x-request-id", ctx.request_id.as_str())?;
    for (k, v) in deny.headers() {
        resp.insert_header(k, v)?;
    }
    if deny.closes_connection() || crate::drain::draining() {
        session.set_keepalive(None);
        resp.insert_header("connection", "close")?;
    }
    let head = session.req_header().method == http::Method::HEAD;
    session.write_response_header(Box::new(resp), head).await?;
    if !head {
        session
            .write_response_body(Some(Bytes::from(body)), true)
            .await?;
    }
    Ok(())
}

/// Map a Pingora error to the denial the client sees.
pub(super) fn deny_for_error(e: &Error) -> Option<Deny> {
    use ErrorType::*;
    match e.etype() {
        HTTPStatus(413) => Some(Deny::BodyTooLarge),
        HTTPStatus(503) => Some(Deny::UpstreamUnavailable),
        HTTPStatus(504) => Some(Deny::UpstreamTimeout),
        HTTPStatus(400) => Some(Deny::BadFraming),
        HTTPStatus(_) => Some(Deny::UpstreamFailed),
        _ => match e.esource() {
            ErrorSource::Upstream => match e.etype() {
                ConnectTimedout | ReadTimedout | WriteTimedout | TLSHandshakeTimedout => {
                    Some(Deny::UpstreamTimeout)
                }
                _ => Some(Deny::UpstreamFailed),
            },
            ErrorSource::Downstream => match e.etype() {
                ReadTimedout => Some(Deny::BodyTimeout),
                WriteError | ReadError | ConnectionClosed | WriteTimedout => None,
                _ => Some(Deny::BadFraming),
            },
            ErrorSource::Internal | ErrorSource::Unset => Some(Deny::Internal),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_mapping() {
        let e = Error::new(ErrorType::HTTPStatus(413));
        assert_eq!(deny_for_error(&e), Some(Deny::BodyTooLarge));
        let mut e = Error::new(ErrorType::ConnectTimedout);
        e.as_up();
        assert_eq!(deny_for_error(&e), Some(Deny::UpstreamTimeout));
        let mut e = Error::new(ErrorType::TLSHandshakeFailure);
        e.as_up();
        assert_eq!(deny_for_error(&e), Some(Deny::UpstreamFailed));
        let mut e = Error::new(ErrorType::ConnectionClosed);
        e.as_down();
        assert_eq!(deny_for_error(&e), None);
    }
}
