//! What the gateway enforces, route by route: the table behind `gateway routes -c FILE`
//! (text or JSON) and the admin listener's status page. Built from a loaded [`Config`], so a
//! reviewer sees what a spec or policy change will enforce before it goes live.

use crate::auth::scopes::{SchemeKind, Security};
use crate::config::Config;
use crate::pipeline::{limits::Limits, validation::Validation};
use crate::ratelimit::policy::{KeyKind, Limit, Mode, Rates, Window};
use serde::Serialize;

/// One route as enforced.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RouteRow {
    /// The spec file (service) that declared it.
    pub service: String,
    pub method: String,
    /// Path template, as in the spec.
    pub path: String,
    pub operation_id: Option<String>,
    pub upstream: String,
    /// `public`, `denied` (the spec says nothing: deny by default), or the alternatives of
    /// credentials and scopes, e.g. `oauth[read:orders] | apikey`.
    pub auth: String,
    /// The rate limits that apply, e.g. `per-ip (ip, 300/60s burst 30, async)`.
    pub limits: Vec<String>,
    /// Injection screening: `block`, `monitor` or `off`; `-` when nothing is validated.
    pub validation: String,
    /// Whether the operation declares a request body (any other body is refused).
    pub body: bool,
}

/// The table, in the router's order.
pub fn table(cfg: &Config) -> Vec<RouteRow> {
    cfg.plans
        .iter()
        .map(|plan| {
            let r = &plan.route;
            let limits = plan
                .get::<Limits>()
                .map(|l| l.limits.iter().map(|l| limit_text(l)).collect())
                .unwrap_or_default();
            let op = plan.get::<Validation>().map(|v| &v.op);
            RouteRow {
                service: r.service.clone(),
                method: r.method.to_string(),
                path: r.template.clone(),
                operation_id: r.operation_id.clone(),
                upstream: r.upstream.clone(),
                auth: auth_text(&r.security),
                limits,
                validation: op
                    .map(|o| o.action.label().to_string())
                    .unwrap_or_else(|| "-".into()),
                body: op.is_some_and(|o| o.body.is_some()),
            }
        })
        .collect()
}

fn auth_text(s: &Security) -> String {
    match s {
        Security::Unspecified => "denied".into(),
        Security::Public => "public".into(),
        Security::Requirements(alts) => alts
            .iter()
            .map(|all| {
                all.iter()
                    .map(|req| {
                        let kind = match req.kind {
                            SchemeKind::Bearer => "",
                            SchemeKind::ApiKey => " (api key)",
                            SchemeKind::Basic => " (basic)",
                            SchemeKind::Delegated => " (delegated to the upstream)",
                        };
                        if req.scopes.is_empty() {
                            format!("{}{kind}", req.scheme)
                        } else {
                            format!("{}[{}]{kind}", req.scheme, req.scopes.join(" "))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" + ")
            })
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

fn windows_text(ws: &[Window]) -> String {
    ws.iter()
        .map(|w| format!("{}/{}s burst {}", w.quota, w.window_secs, w.gcra.burst))
        .collect::<Vec<_>>()
        .join(", ")
}

fn limit_text(l: &Limit) -> String {
    let key = match l.key {
        KeyKind::Ip => "ip",
        KeyKind::Client => "client",
        KeyKind::Global => "global",
    };
    let rates = match &l.rates {
        Rates::Fixed(ws) => windows_text(ws),
        Rates::Tiered {
            per_tier,
            default,
            names: tiers,
        } => {
            let mut parts: Vec<String> = per_tier
                .iter()
                .enumerate()
                .map(|(i, ws)| {
                    format!(
                        "{}: {}",
                        tiers.get(i).map(String::as_str).unwrap_or("?"),
                        windows_text(ws)
                    )
                })
                .collect();
            if let Some(d) = tiers.get(*default) {
                parts.push(format!("default {d}"));
            }
            format!("by tier ({})", parts.join("; "))
        }
    };
    let mode = match l.mode {
        Mode::Async => "async",
        Mode::Strict => "strict",
    };
    let anon = if l.anonymous_only {
        ", anonymous only"
    } else {
        ""
    };
    format!("{} ({key}{anon}, {rates}, {mode})", l.name)
}

/// The table as aligned text, one route per line (limits on continuation lines).
pub fn render_text(rows: &[RouteRow]) -> String {
    let head = [
        "SERVICE",
        "METHOD",
        "PATH",
        "UPSTREAM",
        "AUTH",
        "VALIDATION",
    ];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.service.clone(),
                r.method.clone(),
                r.path.clone(),
                r.upstream.clone(),
                r.auth.clone(),
                format!("{}{}", r.validation, if r.body { ", body" } else { "" }),
            ]
        })
        .collect();
    let mut width = head.map(str::len);
    for c in &cells {
        for (w, v) in width.iter_mut().zip(c.iter()) {
            *w = (*w).max(v.chars().count());
        }
    }
    let line = |vals: [&str; 6]| {
        let mut s = String::new();
        for (i, v) in vals.iter().enumerate() {
            if i + 1 == vals.len() {
                s.push_str(v);
            } else {
                s.push_str(&format!("{v:<w$}  ", w = width[i]));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(head);
    for (c, r) in cells.iter().zip(rows) {
        out.push_str(&line([&c[0], &c[1], &c[2], &c[3], &c[4], &c[5]]));
        for l in &r.limits {
            out.push_str(&format!("    limit: {l}\n"));
        }
    }
    out
}
