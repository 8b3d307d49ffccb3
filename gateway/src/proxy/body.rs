//! The body phase's plumbing: the whole body read under its cap and deadlines, then judged;
//! bodies up to the retry buffer are replayed, larger ones forwarded through a subrequest; and
//! the bounded lingering close after an early answer.

use super::*;

impl Gateway {
    /// Read the whole body (413 as soon as it crosses the cap), then check the request against
    /// its operation. `Ok(Some(body))`: admitted, with the body to forward.
    pub(super) async fn read_and_validate(
        &self,
        session: &mut Session,
        ctx: &mut Ctx,
    ) -> Result<std::result::Result<Bytes, Deny>> {
        let gen = ctx.gen.clone();
        let cfg = &gen.cfg;
        let cap = cfg.limits.max_body_bytes as usize;
        let mut buf = Vec::new();
        if !session.is_body_empty() {
            session.enable_retry_buffering();
            // Two deadlines, for HTTP/1 and HTTP/2 alike: no pause longer than body_timeout,
            // and the whole body within body_deadline, so a trickle of one byte per pause
            // cannot hold the request (and its connection) open.
            let pause = cfg.limits.body_timeout;
            let whole = tokio::time::Instant::now() + cfg.limits.body_deadline;
            loop {
                let next = tokio::time::Instant::now() + pause;
                let read = tokio::time::timeout_at(whole.min(next), session.read_request_body());
                // A failed read is the client's doing (it went away, or stalled): say so, so
                // the request is recorded as aborted / timed out, not as a gateway error.
                let chunk = match read.await {
                    Ok(r) => r.map_err(pingora::Error::into_down)?,
                    Err(_) => return Ok(Err(Deny::BodyTimeout)),
                };
                let Some(chunk) = chunk else { break };
                if buf.len() + chunk.len() > cap {
                    return Ok(Err(Deny::BodyTooLarge));
                }
                buf.extend_from_slice(&chunk);
            }
        }
        ctx.body_bytes = buf.len() as u64;
        // The body phases of the route's plan (validation).
        let (Some(plan), Some(route)) = (ctx.plan.clone(), ctx.route.clone()) else {
            return Ok(Ok(Bytes::from(buf)));
        };
        let mut d = std::mem::take(&mut ctx.decisions);
        let res = match self.policy_request(session.req_header(), ctx, &route) {
            Some(req) => plan.body(&req, &buf, &mut d),
            None => Ok(()),
        };
        ctx.decisions = d;
        Ok(res.map(|()| Bytes::from(buf)))
    }

    /// Forward a validated body larger than the replay buffer: run the request again as a
    /// subrequest whose body is the bytes already read (Pingora's subrequest API, see
    /// PINGORA-NOTES "Bodies above 64 KiB").
    pub(super) async fn forward_buffered(
        &self,
        session: &mut Session,
        ctx: &mut Ctx,
        body: Bytes,
    ) -> Result<bool> {
        let Some(spawner) = session.subrequest_spawner.take() else {
            return self.deny(session, ctx, Deny::Internal).await;
        };
        // The subrequest re-parses the header as HTTP/1.1: give an h2 request a Host.
        let h2 = session.as_downstream().is_http2();
        let version = session.req_header().version;
        let mut added_host = false;
        if h2
            && !session
                .req_header()
                .headers
                .contains_key(http::header::HOST)
        {
            if let Some(a) = session.req_header().uri.authority().map(|a| a.to_string()) {
                session.req_header_mut().insert_header("host", a)?;
                added_host = true;
            }
        }
        session.req_header_mut().set_version(http::Version::HTTP_11);
        let handoff = Handoff {
            gen: ctx.gen.clone(),
            body_len: body.len(),
            request_id: ctx.request_id.clone(),
            trace: ctx.trace.clone(),
            client: ctx.client.clone(),
            tls: ctx.tls,
            forwarded_proto: ctx.forwarded_proto,
            principal: ctx.decisions.principal.clone(),
        };
        let sub = SubCtx::builder()
            .body_mode(BodyMode::ExpectBody)
            .user_ctx(Box::new(handoff))
            .build();
        let (prepared, handle) = spawner.create_subrequest(session.as_downstream(), sub);
        session.req_header_mut().set_version(version);
        if added_host {
            session.req_header_mut().remove_header("host");
        }
        session.subrequest_spawner = Some(spawner);
        let res = pipe_subrequest(
            session,
            prepared,
            handle,
            |t| Ok(Some(t)),
            InputBodyType::Preset(InputBody::Bytes(vec![body])),
        )
        .await;
        match res {
            Ok(mut state) => {
                if let Some(j) = state.join_handle.take() {
                    let _ = j.await;
                }
            }
            Err(e) => {
                tracing::debug!(error = ?e.error, "subrequest failed");
                if session.response_written().is_none() {
                    return self.deny(session, ctx, Deny::UpstreamFailed).await;
                }
            }
        }
        Ok(true)
    }
}

/// After an early answer to a body still in flight (413), read and discard a bounded amount of
/// it before the connection closes (nginx's "lingering close"): closing a socket with unread
/// data makes the kernel send a reset, and the client would lose the answer it has not read
/// yet. Bounded in bytes and time, so a large or slow body costs little.
pub(super) async fn linger(session: &mut Session) {
    const MAX_BYTES: usize = 8 * 1024 * 1024;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(2);
    let mut drained = 0usize;
    while drained < MAX_BYTES {
        match tokio::time::timeout_at(deadline, session.read_request_body()).await {
            Ok(Ok(Some(chunk))) => drained += chunk.len(),
            _ => break,
        }
    }
}
