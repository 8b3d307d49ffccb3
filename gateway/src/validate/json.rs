//! A JSON reader with hard caps that hold whatever the spec says.
//!
//! `serde_json` already refuses NaN/Infinity, invalid escapes and (with `end()`) trailing data,
//! and stops at 128 levels of nesting. This reader adds what it does not refuse: duplicate
//! object keys (parsers disagree on which one wins, so a duplicate is a smuggling vector), a
//! byte-order mark, invalid UTF-8 anywhere, and configurable caps on depth, string length,
//! array items and object keys. The first violation stops the parse; its JSON pointer says
//! where, never what.

use super::Violation;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// Structural caps on a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Deepest nesting of arrays and objects (the top-level value is depth 1).
    pub max_depth: usize,
    /// Longest string (keys included), in bytes.
    pub max_string_bytes: usize,
    /// Most items in one array.
    pub max_array_items: usize,
    /// Most keys in one object.
    pub max_object_keys: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            max_depth: 32,
            max_string_bytes: 65536,
            max_array_items: 10_000,
            max_object_keys: 1_000,
        }
    }
}

struct State<'c> {
    caps: &'c Caps,
    /// The violation that stopped the parse, with its pointer tokens innermost first: each
    /// level adds its own token while the error unwinds, so the happy path builds no path.
    err: RefCell<Option<(&'static str, Vec<String>)>>,
}

impl State<'_> {
    fn fail<E: de::Error>(&self, rule: &'static str) -> E {
        self.err.borrow_mut().get_or_insert((rule, Vec::new()));
        E::custom(rule)
    }
    /// On the way out of a failed member or item: prepend its token to the pointer.
    fn unwind<E>(&self, e: E, token: impl FnOnce() -> String) -> E {
        if let Some((_, path)) = self.err.borrow_mut().as_mut() {
            path.push(token());
        }
        e
    }
    fn violation(self) -> Option<Violation> {
        self.err.into_inner().map(|(rule, path)| {
            let mut p = String::from("/body");
            for t in path.iter().rev() {
                p.push('/');
                p.push_str(t);
            }
            Violation::new(p, rule)
        })
    }
}

struct Seed<'s, 'c> {
    st: &'s State<'c>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // −2^63 itself arrives through `visit_i64`: a double equal to it here was written as a
        // number below `i64::MIN` (−9223372036854775809 rounds up to −2^63) and must not pass
        // an int64 minimum, so it becomes the next double below (as query values do, see
        // `validate::coerce`). Found by schemathesis on Petstore's `createWithList`.
        let v = if v == -9_223_372_036_854_775_808.0 {
            -9_223_372_036_854_777_856.0
        } else {
            v
        };
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| self.st.fail("json-number"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        if v.len() > self.st.caps.max_string_bytes {
            return Err(self.st.fail("max-string-length"));
        }
        // `\u0000`: C-string APIs (and some databases) cut the value there, so the service
        // may store or compare less than what was screened.
        if v.contains('\0') {
            return Err(self.st.fail("control-character"));
        }
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        if v.len() > self.st.caps.max_string_bytes {
            return Err(self.st.fail("max-string-length"));
        }
        // `\u0000`: C-string APIs (and some databases) cut the value there, so the service
        // may store or compare less than what was screened.
        if v.contains('\0') {
            return Err(self.st.fail("control-character"));
        }
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = self.depth + 1;
        if depth > self.st.caps.max_depth {
            return Err(self.st.fail("max-depth"));
        }
        let mut out = Vec::new();
        loop {
            let i = out.len();
            let item = seq
                .next_element_seed(Seed { st: self.st, depth })
                .map_err(|e| self.st.unwind(e, || i.to_string()))?;
            match item {
                // One more element than the cap allows; an empty tail is fine.
                Some(_) if i >= self.st.caps.max_array_items => {
                    return Err(self.st.fail("max-array-items"));
                }
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let depth = self.depth + 1;
        if depth > self.st.caps.max_depth {
            return Err(self.st.fail("max-depth"));
        }
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if k.len() > self.st.caps.max_string_bytes {
                return Err(self.st.fail("max-string-length"));
            }
            if k.contains('\0') {
                return Err(self.st.fail("control-character"));
            }
            if out.len() >= self.st.caps.max_object_keys && !out.contains_key(&k) {
                return Err(self.st.fail("max-object-keys"));
            }
            match out.entry(k) {
                Entry::Occupied(_) => return Err(self.st.fail("duplicate-key")),
                Entry::Vacant(slot) => {
                    let v = map
                        .next_value_seed(Seed { st: self.st, depth })
                        .map_err(|e| self.st.unwind(e, || super::safe_token(slot.key())))?;
                    slot.insert(v);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// Parse a whole body under `caps`.
pub fn parse(body: &[u8], caps: &Caps) -> Result<Value, Violation> {
    if body.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(Violation::new("/body", "byte-order-mark"));
    }
    let st = State {
        caps,
        err: RefCell::new(None),
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let res = Seed { st: &st, depth: 0 }.deserialize(&mut de);
    let res = res.and_then(|v| de.end().map(|_| v));
    match res {
        // serde_json checks the UTF-8 of every string, and any other non-ASCII byte is a syntax
        // error: a document that parses is valid UTF-8, so only a failure needs the full check
        // (which takes precedence over whatever else the parse stopped at).
        Ok(v) => Ok(v),
        Err(_) if std::str::from_utf8(body).is_err() => {
            Err(Violation::new("/body", "invalid-utf8"))
        }
        Err(e) => Err(st.violation().unwrap_or_else(|| {
            let rule = if e.to_string().contains("recursion limit") {
                "max-depth"
            } else if e.to_string().contains("trailing characters") {
                "trailing-data"
            } else {
                "json-syntax"
            };
            Violation::new("/body", rule)
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(b: &[u8]) -> String {
        parse(b, &Caps::default()).unwrap_err().rule
    }

    #[test]
    fn refuses_what_parsers_disagree_on() {
        assert_eq!(rule(br#"{"a":1,"a":2}"#), "duplicate-key");
        assert_eq!(rule(b"\xEF\xBB\xBF{}"), "byte-order-mark");
        assert_eq!(rule(b"{\"a\":\"\xff\"}"), "invalid-utf8");
        assert_eq!(rule(b"{\"a\":1,\"a\":\"\xc3\x28\"}"), "invalid-utf8");
        assert_eq!(rule(b"{\"\xed\xa0\x80\":1}"), "invalid-utf8");
        assert_eq!(rule(b"[1] \xff"), "invalid-utf8");
        assert_eq!(rule(b"{\"a\":NaN}"), "json-syntax");
        assert_eq!(rule(b"{\"a\":Infinity}"), "json-syntax");
        assert_eq!(rule(b"{\"a\":1} {}"), "trailing-data");
        assert_eq!(rule(b"{\"a\":1}x"), "trailing-data");
        assert!(parse(b" {\"a\":[1,2,{\"b\":null}]} \n", &Caps::default()).is_ok());
    }

    #[test]
    fn caps_hold() {
        let caps = Caps {
            max_depth: 3,
            max_string_bytes: 4,
            max_array_items: 2,
            max_object_keys: 2,
        };
        assert_eq!(
            parse(b"[[[1]]]", &caps).unwrap(),
            serde_json::json!([[[1]]])
        );
        let e = parse(b"[[[[1]]]]", &caps).unwrap_err();
        assert_eq!(
            (e.pointer.as_str(), e.rule.as_str()),
            ("/body/0/0/0", "max-depth")
        );
        assert_eq!(
            parse(b"\"12345\"", &caps).unwrap_err().rule,
            "max-string-length"
        );
        assert_eq!(
            parse(b"{\"12345\":1}", &caps).unwrap_err().rule,
            "max-string-length"
        );
        assert!(parse(b"[1,2]", &caps).is_ok());
        assert_eq!(
            parse(b"[1,2,3]", &caps).unwrap_err().rule,
            "max-array-items"
        );
        assert_eq!(
            parse(b"{\"a\":1,\"b\":2,\"c\":3}", &caps).unwrap_err().rule,
            "max-object-keys"
        );
        let e = parse(br#"{"a":{"b":[1,{"c":1,"c":2}]}}"#, &Caps::default()).unwrap_err();
        assert_eq!(e.pointer, "/body/a/b/1");
    }

    #[test]
    fn hundred_thousand_levels_do_not_crash() {
        let mut b = "[".repeat(100_000);
        b.push_str(&"]".repeat(100_000));
        assert_eq!(
            parse(b.as_bytes(), &Caps::default()).unwrap_err().rule,
            "max-depth"
        );
        let big = Caps {
            max_depth: 1_000_000,
            ..Caps::default()
        };
        // serde_json's own recursion limit stops it before the stack would.
        assert_eq!(parse(b.as_bytes(), &big).unwrap_err().rule, "max-depth");
    }
}
