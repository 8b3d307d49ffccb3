//! The admin listener's read-only status page (`/status`): one server-rendered HTML page, no
//! script, no external asset (a Content-Security-Policy forbids both). It shows the routes
//! with what each enforces (the table of `gateway routes`), upstream health, the issuers' key
//! freshness, denials by reason since start, and links to the other admin endpoints. Every
//! value is HTML-escaped; nothing a client sent appears on it (denials are counts by reason).

use crate::routes::RouteRow;
use std::fmt::Write;

/// What the page shows, gathered by the admin service at request time.
pub struct StatusView<'a> {
    pub config: &'a str,
    pub loaded_at_unix: u64,
    /// The configuration generation in force (1 at start, +1 per accepted reload).
    pub generation: u64,
    /// Its content hash (hex SHA-256).
    pub hash: &'a str,
    /// The last reload's outcome, in a sentence (none since start: `None`).
    pub last_reload: Option<String>,
    pub ready: bool,
    pub routes: &'a [RouteRow],
    /// (name, healthy addresses, addresses, ready)
    pub upstreams: Vec<(String, usize, usize, bool)>,
    /// (name, keys loaded, stale, key count)
    pub issuers: Vec<(String, bool, bool, usize)>,
    /// (reason, count)
    pub denials: Vec<(String, u64)>,
}

/// Content-Security-Policy of the page: nothing but its own inline style.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const STYLE: &str = "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}\
h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.4em 0 .4em}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f0f0f0}code{font:13px ui-monospace,monospace}.ok{color:#176f2c;font-weight:600}\
.bad{color:#b00020;font-weight:600}.muted{color:#666}ul.limits{margin:0;padding-left:1.1em}nav a{margin-right:1em}";

fn badge(ok: bool, yes: &str, no: &str) -> String {
    if ok {
        format!("<span class=\"ok\">{yes}</span>")
    } else {
        format!("<span class=\"bad\">{no}</span>")
    }
}

/// The whole page.
pub fn render(v: &StatusView<'_>) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>gateway status</title><style>{STYLE}</style></head><body>\
         <h1>gateway status</h1><p>{} &middot; configuration <code>{}</code> \
         generation <code id=\"generation\">{}</code> (hash <code id=\"hash\">{}</code>) \
         loaded at <code>{}</code> (unix) &middot; {} routes</p>\
         <nav><a href=\"/metrics\">metrics</a><a href=\"/readyz\">readyz</a>\
         <a href=\"/healthz\">healthz</a><a href=\"/.well-known/jwks.json\">jwks</a></nav>",
        badge(v.ready, "ready", "not ready"),
        esc(v.config),
        v.generation,
        esc(v.hash.get(..12).unwrap_or(v.hash)),
        v.loaded_at_unix,
        v.routes.len()
    );
    if let Some(r) = &v.last_reload {
        let _ = write!(h, "<p id=\"last-reload\">last reload: {}</p>", esc(r));
    }
    h.push_str("<h2>Upstreams</h2><table><tr><th>upstream</th><th>healthy</th><th>state</th></tr>");
    for (name, healthy, total, ready) in &v.upstreams {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{healthy} / {total}</td><td>{}</td></tr>",
            esc(name),
            badge(*ready, "ready", "not ready")
        );
    }
    h.push_str("</table><h2>Token issuers</h2><table><tr><th>issuer</th><th>keys</th><th>freshness</th></tr>");
    if v.issuers.is_empty() {
        h.push_str("<tr><td colspan=\"3\" class=\"muted\">none configured</td></tr>");
    }
    for (name, loaded, stale, n) in &v.issuers {
        let state = match (loaded, stale) {
            (false, _) => badge(false, "", "not loaded"),
            (true, true) => badge(false, "", "stale (last good set in use)"),
            (true, false) => badge(true, "fresh", ""),
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{n}</td><td>{state}</td></tr>",
            esc(name)
        );
    }
    h.push_str("</table><h2>Routes</h2><table><tr><th>service</th><th>method</th><th>path</th>\
                <th>upstream</th><th>credentials and scopes</th><th>rate limits</th><th>validation</th></tr>");
    for r in v.routes {
        let limits = if r.limits.is_empty() {
            "<span class=\"muted\">none</span>".to_string()
        } else {
            let items: String = r
                .limits
                .iter()
                .map(|l| format!("<li>{}</li>", esc(l)))
                .collect();
            format!("<ul class=\"limits\">{items}</ul>")
        };
        let auth = match r.auth.as_str() {
            "denied" => badge(false, "", "denied (no security in the spec)"),
            a => format!("<code>{}</code>", esc(a)),
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td>\
             <td>{auth}</td><td>{limits}</td><td>{}{}</td></tr>",
            esc(&r.service),
            esc(&r.method),
            esc(&r.path),
            esc(&r.upstream),
            esc(&r.validation),
            if r.body { ", body" } else { "" }
        );
    }
    h.push_str("</table><h2>Denials since start, by reason</h2><table><tr><th>reason</th><th>count</th></tr>");
    if v.denials.is_empty() {
        h.push_str("<tr><td colspan=\"2\" class=\"muted\">none</td></tr>");
    }
    for (reason, n) in &v.denials {
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td>{n}</td></tr>",
            esc(reason)
        );
    }
    h.push_str("</table></body></html>\n");
    h
}

/// `gateway_denials_total` by reason, from the process's metrics registry.
pub fn denials() -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = prometheus::gather()
        .iter()
        .filter(|f| f.name() == "gateway_denials_total")
        .flat_map(|f| f.get_metric().iter())
        .filter_map(|m| {
            let reason = m
                .get_label()
                .iter()
                .find(|l| l.name() == "reason")?
                .value()
                .to_string();
            let n = m.get_counter().value() as u64;
            (n > 0).then_some((reason, n))
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped() {
        let rows = vec![RouteRow {
            service: "a<b".into(),
            method: "GET".into(),
            path: "/x/{id}\"><script>".into(),
            operation_id: None,
            upstream: "u&v".into(),
            auth: "public".into(),
            limits: vec!["l<1>".into()],
            validation: "block".into(),
            body: false,
        }];
        let v = StatusView {
            config: "/etc/<g>.yaml",
            loaded_at_unix: 1,
            generation: 7,
            hash: "0123456789abcdef",
            last_reload: Some("refused <x>".into()),
            ready: true,
            routes: &rows,
            upstreams: vec![("u&v".into(), 1, 2, true)],
            issuers: vec![],
            denials: vec![("<r>".into(), 3)],
        };
        let h = render(&v);
        assert!(!h.contains("<script>") && !h.contains("a<b") && !h.contains("<r>"));
        assert!(h.contains("/x/{id}&quot;&gt;&lt;script&gt;"));
        assert!(h.contains("u&amp;v") && h.contains("l&lt;1&gt;"));
        assert!(h.contains("<code id=\"generation\">7</code>"));
        assert!(h.contains("<code id=\"hash\">0123456789ab</code>"));
        assert!(h.contains("last reload: refused &lt;x&gt;"));
    }
}
