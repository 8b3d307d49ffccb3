//! The patched keyword lookup answers exactly as the upstream binary search does.

use libinjectionrs::sqli::sqli_data::{lookup_word, lookup_word_reference, SQL_KEYWORDS};

#[test]
fn every_keyword_in_every_case_answers_as_upstream() {
    for k in SQL_KEYWORDS {
        let lower = k.word.to_ascii_lowercase();
        let mixed: String = k
            .word
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_lowercase()
                } else {
                    c
                }
            })
            .collect();
        for w in [k.word, lower.as_str(), mixed.as_str()] {
            assert_eq!(lookup_word(w), lookup_word_reference(w), "{w:?}");
        }
        // Entries typed 'n' are barewords by design ("AT TIME" and the like).
        if k.token_type == b'n' {
            continue;
        }
        assert_ne!(
            lookup_word(k.word),
            libinjectionrs::sqli::TokenType::Bareword,
            "{:?} is a keyword",
            k.word
        );
    }
}

#[test]
fn other_words_answer_as_upstream() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let alphabet = b"abcdeflnorstuxyz_0123456789 .@$#'\"-()*=<>|&!";
    for _ in 0..200_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 40) as usize;
        let w: String = (0..len)
            .map(|i| alphabet[((seed >> (i % 8 * 8)) as usize + i * 7) % alphabet.len()] as char)
            .collect();
        assert_eq!(lookup_word(&w), lookup_word_reference(&w), "{w:?}");
    }
    for w in [
        "",
        "SELECT",
        "select",
        "SeLeCt",
        "unionselect",
        "x".repeat(33).as_str(),
        "é",
        "ſelect",
    ] {
        assert_eq!(lookup_word(w), lookup_word_reference(w), "{w:?}");
    }
}

/// The hashed attribute blacklist answers exactly as upstream's linear scans: every listed name
/// (events with their `on` prefix) in several cases and with NUL bytes inserted, and generated
/// names around them.
#[test]
fn attribute_blacklist_answers_as_upstream() {
    use libinjectionrs::XssDetector as X;
    let mut names: Vec<Vec<u8>> = Vec::new();
    for n in X::black_attr_names() {
        for base in [n.to_string(), format!("on{n}"), format!("ON{n}"), format!("{n}x")] {
            names.push(base.clone().into_bytes());
            names.push(base.to_ascii_lowercase().into_bytes());
            let mut nul = base.clone().into_bytes();
            nul.insert(nul.len() / 2, 0);
            names.push(nul);
            names.push(base[..base.len() - 1].as_bytes().to_vec());
        }
    }
    let mut seed: u64 = 0xD1B5_4A32_D192_ED03;
    let alphabet = b"onclickerfsvamltxhdpyNOCLSRF:-_\0";
    for _ in 0..200_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 12) as usize;
        names.push(
            (0..len)
                .map(|i| alphabet[((seed >> (i % 8 * 8)) as usize + i * 5) % alphabet.len()])
                .collect(),
        );
    }
    names.push(vec![b'a'; 200]);
    names.push(b"xmlns:foo".to_vec());
    names.push(b"XLINKhref".to_vec());
    for n in &names {
        assert_eq!(
            X::is_black_attr_fast(n),
            X::is_black_attr_reference(n),
            "{:?}",
            String::from_utf8_lossy(n)
        );
    }
}

/// `is_sqli` is `detect_sqli` without the fingerprint: same verdict on generated SQL-ish text.
#[test]
fn is_sqli_answers_as_detect_sqli() {
    let pieces = [
        "1", "'", "\"", " ", "or", "OR", "and", "=", "--", "/*", "*/", "#", "union", "select",
        "from", "x", "(", ")", ",", ";", "sleep(5)", "O'Brien", "admin", "`", ".", "@@version",
    ];
    let mut seed: u64 = 0x1234_5678_9ABC_DEF1;
    let mut flagged = 0;
    for _ in 0..100_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let n = (seed % 8 + 1) as usize;
        let s: String = (0..n)
            .map(|i| pieces[((seed >> (i * 5)) % pieces.len() as u64) as usize])
            .collect();
        let verdict = libinjectionrs::is_sqli(s.as_bytes());
        assert_eq!(verdict, libinjectionrs::detect_sqli(s.as_bytes()).is_injection(), "{s:?}");
        flagged += verdict as usize;
    }
    // The generator does produce injections, so the comparison is not vacuous.
    assert!(flagged > 1_000, "{flagged}");
}

/// `lookup_word_bytes` treats a word that is not UTF-8 as a bareword; that is what upstream
/// got by skipping such words only because every keyword is ASCII.
#[test]
fn keywords_are_ascii_and_bytes_lookup_agrees() {
    use libinjectionrs::sqli::sqli_data::lookup_word_bytes;
    for k in SQL_KEYWORDS {
        assert!(k.word.is_ascii(), "{:?}", k.word);
        assert_eq!(lookup_word_bytes(k.word.as_bytes()), lookup_word(k.word));
    }
    assert_eq!(
        lookup_word_bytes(b"SELECT\xff"),
        libinjectionrs::sqli::TokenType::Bareword
    );
}
