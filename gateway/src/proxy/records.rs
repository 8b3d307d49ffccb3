//! What the logging phase writes for one finished request: its trace spans and its audit
//! record, read from the request's context and typed decisions.

use super::*;

/// Queue the spans of a finished, sampled request (see [`crate::otel`]).
pub(super) fn trace_spans(
    session: &Session,
    e: Option<&Error>,
    ctx: &Ctx,
    status: u16,
    decision: &'static str,
) {
    let Some(trace) = &ctx.trace else { return };
    let req = session.req_header();
    let authority = req.uri.authority().map(|a| a.as_str()).or_else(|| {
        req.headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
    });
    let p = ctx.decisions.principal.as_ref();
    crate::otel::submit(&crate::otel::Finished {
        trace,
        phases: &ctx.phases,
        start: ctx.start,
        method: req.method.as_str(),
        route: ctx.route.as_ref().map(|r| r.template.as_str()),
        path: ctx.canonical_path.as_deref(),
        scheme: if ctx.tls { "https" } else { "http" },
        protocol_version: match req.version {
            http::Version::HTTP_2 => "2",
            http::Version::HTTP_10 => "1.0",
            _ => "1.1",
        },
        authority,
        client_ip: ctx.client.as_ref().map(|c| c.client_ip),
        peer_ip: ctx.client.as_ref().map(|c| c.peer_ip),
        status,
        request_id: &ctx.request_id,
        decision,
        denial: ctx.denial.as_ref().map(|d| (d.slug(), d.reason())),
        error: e
            .filter(|_| ctx.denial.is_none())
            .map(|e| e.etype().as_str()),
        client_id: p.and_then(|p| p.client_key()),
        auth_method: p.map(|p| p.method.as_str()),
        upstream: ctx.cluster.as_ref().map(|c| c.spec.name.as_str()),
        upstream_addr: ctx.try_addr,
        upstream_tries: ctx.tries,
        body_bytes: ctx.body_bytes,
    });
}

/// The audit record of a finished request (masking happens on the writer thread).
pub(super) fn audit_record(
    session: &Session,
    e: Option<&Error>,
    ctx: &Ctx,
    status: u16,
    decision: &'static str,
    now: Instant,
) -> crate::audit::Record {
    let req = session.req_header();
    let audit = ctx.gen.cfg.audit.as_ref();
    let ssl = session.digest().and_then(|d| d.ssl_digest.as_ref());
    let header = |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok());
    let p = ctx.decisions.principal.as_ref();
    let raw_path = if ctx.canonical_path.is_none() {
        let raw = req.raw_path();
        let end = raw.iter().position(|&b| b == b'?').unwrap_or(raw.len());
        Some(String::from_utf8_lossy(&raw[..end]).into_owned())
    } else {
        None
    };
    crate::audit::Record {
        time: Some(std::time::SystemTime::now()),
        request_id: ctx.request_id.clone(),
        trace_id: ctx.trace.as_ref().map(|t| t.trace_id.clone()),
        client_ip: ctx.client.as_ref().map(|c| c.client_ip),
        peer_ip: ctx
            .client
            .as_ref()
            .filter(|c| c.peer_ip != c.client_ip)
            .map(|c| c.peer_ip),
        auth_method: p.map(|p| p.method.as_str()),
        client_id: p.and_then(|p| p.client_id.clone()),
        subject: p.and_then(|p| p.subject.clone()),
        tenant: p.and_then(|p| p.tenant.clone()),
        api_key_id: p.and_then(|p| p.api_key_id.clone()),
        method: req.method.as_str().to_string(),
        route: ctx.route.as_ref().map(|r| r.template.clone()),
        path: ctx.canonical_path.clone(),
        raw_path,
        query: ctx.view.raw_query.clone(),
        status,
        decision,
        reason: ctx.denial.as_ref().map(|d| d.reason()),
        notes: crate::audit::Notes {
            tier: ctx
                .decisions
                .tier
                .clone()
                .or_else(|| p.and_then(|p| p.tier.clone())),
            ..ctx.decisions.notes()
        },
        upstream: ctx.cluster.as_ref().map(|c| c.spec.name.clone()),
        upstream_addr: ctx.try_addr.map(crate::forwarding::socket_string),
        bytes_in: session.body_bytes_read() as u64,
        bytes_out: session.body_bytes_sent() as u64,
        duration_us: now.saturating_duration_since(ctx.start).as_micros() as u64,
        upstream_us: ctx
            .upstream_start
            .map(|t| now.saturating_duration_since(t).as_micros() as u64),
        tls_version: ssl.map(|s| s.version.to_string()),
        tls_cipher: ssl.map(|s| s.cipher.to_string()),
        client_cert_sha256: crate::clientcert::of_session(session).map(|c| c.sha256.clone()),
        user_agent: header("user-agent").map(String::from),
        // What is recorded and how it is masked follow the request's generation (a reload
        // can change `audit.headers` and `audit.detectors`; the sinks and the chain cannot).
        headers: audit
            .map(|a| a.headers.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|n| header(n).map(|v| (n.clone(), v.to_string())))
            .collect(),
        error: e.map(|e| e.etype().as_str().to_string()),
        masker: audit.map(|a| crate::audit::mask::Masker::new(&a.detectors)),
    }
}
