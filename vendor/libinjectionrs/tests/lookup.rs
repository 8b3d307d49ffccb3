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
