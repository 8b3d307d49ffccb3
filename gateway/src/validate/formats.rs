//! The OpenAPI format registry's formats, checked rather than trusted.
//!
//! A `format` exempts a string from injection screening only when the validator enforces it
//! and its grammar leaves no room for markup, quotes or operators ([`EXEMPT`]): the JSON Schema
//! formats `jsonschema` checks (`uuid`, `date-time`, `date`, `time`, `ipv4`, `ipv6`,
//! `duration`) and the numeric and base64 formats OAS registers, checked here. Any other
//! format (`email`, `uri`, `password`, `binary`, `unix-time`, a typo…) is an annotation:
//! the value is screened like any string.
//!
//! Numeric formats bound numbers too: `format: int32` on an integer adds the int32 range to
//! the compiled schema ([`integer_bounds`]); on a string (`"2147483648"` as text) the text must
//! be such an integer.

use base64::Engine;
use jsonschema::ValidationOptions;

/// Formats whose values the validator checks and which cannot carry a payload.
pub const EXEMPT: [&str; 18] = [
    "uuid",
    "date-time",
    "date",
    "time",
    "ipv4",
    "ipv6",
    "duration",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "double-int",
    "byte",
    "base64url",
];

/// The inclusive range of an integer format.
pub fn integer_bounds(format: &str) -> Option<(i128, i128)> {
    Some(match format {
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" => (i64::MIN.into(), i64::MAX.into()),
        "uint8" => (0, u8::MAX.into()),
        "uint16" => (0, u16::MAX.into()),
        "uint32" => (0, u32::MAX.into()),
        "uint64" => (0, u64::MAX.into()),
        "double-int" => (-(1i128 << 53) + 1, (1i128 << 53) - 1),
        _ => return None,
    })
}

/// A decimal integer literal (`-` allowed, nothing else) within `format`'s range.
fn integer_text(format: &'static str) -> impl Fn(&str) -> bool + Send + Sync + 'static {
    move |s: &str| {
        let digits = s.strip_prefix('-').unwrap_or(s);
        if digits.is_empty() || digits.len() > 40 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let (lo, hi) = integer_bounds(format).unwrap_or((0, 0));
        s.parse::<i128>().is_ok_and(|v| v >= lo && v <= hi)
    }
}

/// Standard base64 (RFC 4648 §4) with padding, as OAS 3.0 `byte` says.
fn byte(s: &str) -> bool {
    s.len() % 4 == 0 && base64::engine::general_purpose::STANDARD.decode(s).is_ok()
}

/// URL-safe base64 (RFC 4648 §5), padded or not.
fn base64url(s: &str) -> bool {
    let t = s.trim_end_matches('=');
    s.len() - t.len() <= 2
        && base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(t)
            .is_ok()
}

/// Register the checks of the formats above on a validator's options.
pub fn register(mut o: ValidationOptions) -> ValidationOptions {
    for f in [
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "double-int",
    ] {
        o = o.with_format(f, integer_text(f));
    }
    o.with_format("byte", byte)
        .with_format("base64url", base64url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_texts_are_exact() {
        let int32 = integer_text("int32");
        assert!(int32("2147483647") && int32("-2147483648") && int32("0"));
        for bad in [
            "2147483648",
            "-2147483649",
            "+1",
            "1.0",
            " 1",
            "",
            "-",
            "1e3",
        ] {
            assert!(!int32(bad), "{bad}");
        }
        let u64f = integer_text("uint64");
        assert!(u64f("18446744073709551615") && !u64f("18446744073709551616") && !u64f("-1"));
    }

    #[test]
    fn base64_forms() {
        assert!(byte("aGVsbG8=") && byte("") && !byte("aGVsbG8") && !byte("<script>"));
        assert!(!byte("aGVs bG8=") && !byte("a-_b"));
        assert!(base64url("aGVsbG8") && base64url("a-_b") && !base64url("a+/b"));
    }
}
