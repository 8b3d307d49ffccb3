//! Injection screening: SQL injection and XSS by libinjection-style tokenising
//! (`libinjectionrs`, a pure-Rust port of libinjection), NoSQL by Mongo operator syntax.
//!
//! Screening only ever answers "is this value an attack?". The gateway never rewrites or strips
//! a payload: sanitising produces bypasses (`<scr<script>ipt>` becomes `<script>` once the inner
//! tag is removed), so the only safe actions are to refuse the request or to let it through
//! untouched and record it.

use once_cell::sync::Lazy;
use regex::Regex;

/// What kind of attack a value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Sqli,
    Xss,
    Nosqli,
}

impl Class {
    pub fn rule(self) -> &'static str {
        match self {
            Class::Sqli => "sql-injection",
            Class::Xss => "xss",
            Class::Nosqli => "nosql-injection",
        }
    }
}

/// Mongo query and update operators: a JSON key or a bracketed query parameter name that is
/// one of these turns a value into a query (`{"password": {"$ne": null}}`).
static MONGO_OPERATOR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\$(where|ne|eq|gt|gte|lt|lte|in|nin|regex|options|exists|expr|or|and|not|nor|elemmatch|all|size|type|mod|text|search|function|accumulator|jsonschema|lookup|merge|out|set|unset|push|pull|inc|rename|comment|natural|slice|meta|geowithin|near|where)\b",
    )
    .expect("static regex")
});

/// JavaScript that only makes sense inside a `$where` / `$function` / mapReduce evaluation.
static SERVER_JS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?ix)
        \bthis\s*\.\s*[a-z_$][\w$]*                    # this.password
      | \bsleep\s*\(\s*\d                              # sleep(5000)
      | \bfunction\s*\([^)]*\)\s*\{                    # function() {
      | ;\s*return\b                                   # '; return true
      | ^\s*return\s+(true|false|1|this|db)\b
      | \bdb\s*\.\s*[a-z_]\w*\s*[.(]                   # db.users.find(
      | \bwhile\s*\(\s*(true|1)\s*\)                   # while(true)
      | ['"]\s*\|\|\s*['"]?[\w'"]+['"]?\s*==           # ' || '1'=='1
      | ['"]\s*\|\|\s*(true|1)\b                       # ' || true
      | ['"]\s*&&\s*this\b
      | \bobject\s*\.\s*keys\s*\(\s*this
      | \btojson\s*\(\s*this
      | \bemit\s*\(\s*this
      | \bprocess\s*\.\s*(env|exit|kill)\b
      | \brequire\s*\(\s*['"]child_process
      | \[\s*\$[a-z]+\s*\]                             # user[$ne]=
    "#,
    )
    .expect("static regex")
});

/// Screen one text value (already percent-decoded).
pub fn text(s: &str) -> Option<Class> {
    if s.len() < 2 {
        return None;
    }
    let b = s.as_bytes();
    // Fast path: a single plain token (ids, SKUs, e-mail addresses, dotted names) has no
    // quote, space, operator, bracket, comment marker or scheme colon: it can neither leave a
    // SQL literal nor open markup, so the tokenisers have nothing to find. The NoSQL checks
    // below still run (they look for `this.x`-style JavaScript).
    let plain = b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'@'));
    if !plain && libinjectionrs::detect_sqli(b).is_injection() {
        return Some(Class::Sqli);
    }
    // libinjection's XSS verdicts come from tokens that need `<` (a tag, comment or doctype)
    // or `=` (an attribute value after a blacklisted attribute name): without either there is
    // nothing for the HTML5 tokeniser to find (`xss_needs_lt_or_eq` checks this against the
    // crate on generated inputs).
    if !plain && needs_xss_check(b) && libinjectionrs::detect_xss(b).is_injection() {
        return Some(Class::Xss);
    }
    if s.contains('$') && MONGO_OPERATOR.is_match(s) {
        return Some(Class::Nosqli);
    }
    if might_be_server_js(s) && SERVER_JS.is_match(s) {
        return Some(Class::Nosqli);
    }
    None
}

/// Every branch of [`SERVER_JS`] contains one of these words (ASCII case-insensitively).
const SERVER_JS_WORDS: [&str; 11] = [
    "this", "sleep", "function", "return", "db", "while", "||", "&&", "process", "require", "$",
];

static SERVER_JS_PREFILTER: Lazy<aho_corasick::AhoCorasick> = Lazy::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(SERVER_JS_WORDS)
        .expect("static patterns")
});

/// A cheap necessary condition for [`SERVER_JS`]: one multi-literal scan instead of the regex
/// over every byte of free text. Non-ASCII text always goes to the regex, since Unicode case
/// folding lets `ſ` (U+017F) and `K` (U+212A) match `s` and `k` there.
fn might_be_server_js(s: &str) -> bool {
    !s.is_ascii() || SERVER_JS_PREFILTER.is_match(s)
}

fn needs_xss_check(b: &[u8]) -> bool {
    memchr::memchr2(b'<', b'=', b).is_some()
}

/// Screen one JSON object key: a `$`-prefixed key is a Mongo operator (or a document field no
/// request should name), anything else is screened as text.
pub fn key(k: &str) -> Option<Class> {
    if k.starts_with('$') {
        return Some(Class::Nosqli);
    }
    text(k)
}

/// Screen one query parameter name: bracket syntax (`user[$ne]`) builds objects in Express/PHP
/// query parsers.
pub fn param_name(n: &str) -> Option<Class> {
    if n.contains("[$") || n.starts_with('$') {
        return Some(Class::Nosqli);
    }
    text(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_tokens_take_the_fast_path_but_js_is_still_caught() {
        for t in [
            "SKU12345",
            "order_42",
            "alice@example.com",
            "v1.2.3",
            "union",
            "select",
        ] {
            assert_eq!(text(t), None, "{t}");
        }
        assert_eq!(text("this.password"), Some(Class::Nosqli));
        assert_eq!(text("admin'--"), Some(Class::Sqli));
    }

    /// The XSS shortcut in [`text`] must never hide a verdict of the tokeniser: generated
    /// strings without `<` and `=`, built from the pieces XSS payloads are made of, are never XSS.
    #[test]
    fn xss_needs_lt_or_eq() {
        let pieces = [
            "\"",
            "'",
            "`",
            " ",
            "/",
            ">",
            "onerror",
            "onload",
            "style",
            "src",
            "href",
            "javascript:",
            "vbscript:",
            "data:",
            "alert(1)",
            "x",
            "script",
            "svg",
            "!",
            "-->",
            "&#x3c;",
            "\\",
            "\t",
            "\n",
            "xmlns",
            "expression(",
            "[if",
            "import",
            "?",
            ";",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut checked = 0;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 7 + 1) as usize;
            let s: String = (0..n)
                .map(|i| pieces[((seed >> (i * 5)) % pieces.len() as u64) as usize])
                .collect();
            assert!(!needs_xss_check(s.as_bytes()));
            assert!(
                !libinjectionrs::detect_xss(s.as_bytes()).is_injection(),
                "{s:?}"
            );
            checked += 1;
        }
        // The same pieces with `=` or `<` do reach verdicts, so the generator can find them.
        assert!(libinjectionrs::detect_xss(b"\" onerror=alert(1)").is_injection());
        assert!(libinjectionrs::detect_xss(b"<script>").is_injection());
        assert_eq!(checked, 200_000);
    }

    /// The prefilter never hides a regex match: every attack of the corpus that the regex
    /// flags passes it, and so do generated mixes of the regex's pieces.
    #[test]
    fn server_js_prefilter_is_a_necessary_condition() {
        let pieces = [
            "this",
            "THIS",
            ".",
            "x",
            " ",
            "sleep",
            "(",
            "5",
            ")",
            "function",
            "{",
            ";",
            "return",
            "true",
            "db",
            "users",
            "find",
            "while",
            "1",
            "'",
            "\"",
            "||",
            "==",
            "&&",
            "object",
            "keys",
            "tojson",
            "emit",
            "process",
            "env",
            "require",
            "child_process",
            "[",
            "$ne",
            "]",
            "ſ",
            "K",
        ];
        let mut seed: u64 = 0x1234_5678_9ABC_DEF1;
        let mut matched = 0;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 8 + 1) as usize;
            let s: String = (0..n)
                .map(|i| pieces[((seed >> (i * 6)) % pieces.len() as u64) as usize])
                .collect();
            if SERVER_JS.is_match(&s) {
                matched += 1;
                assert!(might_be_server_js(&s), "{s:?}");
            }
        }
        assert!(matched > 100, "the generator reaches the regex: {matched}");
        assert!(!might_be_server_js("Ann O'Brien: please gift wrap"));
    }

    #[test]
    fn classes() {
        assert_eq!(text("1' OR '1'='1"), Some(Class::Sqli));
        assert_eq!(text("<img src=x onerror=alert(1)>"), Some(Class::Xss));
        assert_eq!(
            text("'; return this.password; var x='"),
            Some(Class::Nosqli)
        );
        assert_eq!(key("$where"), Some(Class::Nosqli));
        assert_eq!(param_name("user[$ne]"), Some(Class::Nosqli));
        for benign in [
            "O'Reilly",
            "select a size",
            "1 or 2 items",
            "<3 this",
            "$5 off",
        ] {
            assert_eq!(text(benign), None, "{benign}");
        }
    }
}
