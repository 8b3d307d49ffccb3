//! A real HTTP/1.1 server on loopback for unit tests that need a dependency to talk to (an
//! IdP's JWKS or discovery document, an RFC 7662 introspection endpoint): each request is read
//! whole (head, then the body its `Content-Length` announces) and answered by the test's
//! handler, one task per connection, `Connection: close`.

use std::net::SocketAddr;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// The head, request line and header lines as sent.
    pub head: String,
    pub body: String,
}

impl Request {
    /// The value of a form field of an `application/x-www-form-urlencoded` body (as sent).
    pub fn form(&self, name: &str) -> Option<&str> {
        self.body
            .split('&')
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
    }
}

/// What the handler answers.
pub enum Answer {
    /// Status, extra header lines (each ending in CRLF), body.
    Reply(u16, String, String),
    /// Read the request and never answer (a hung dependency).
    Hang,
}

impl Answer {
    pub fn json(status: u16, body: impl Into<String>) -> Answer {
        Answer::Reply(
            status,
            "content-type: application/json\r\n".into(),
            body.into(),
        )
    }
}

/// Serve on 127.0.0.1 (a free port) until the runtime ends.
pub async fn serve<F>(handler: F) -> SocketAddr
where
    F: Fn(&Request) -> Answer + Send + Sync + 'static,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let handler = Arc::new(handler);
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let handler = handler.clone();
            tokio::spawn(async move {
                let Some(req) = read_request(&mut s).await else {
                    return;
                };
                match handler(&req) {
                    Answer::Hang => {
                        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                    }
                    Answer::Reply(status, headers, body) => {
                        let answer = format!(
                            "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n{headers}\r\n{body}",
                            body.len()
                        );
                        let _ = s.write_all(answer.as_bytes()).await;
                    }
                }
            });
        }
    });
    addr
}

async fn read_request(s: &mut tokio::net::TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).into_owned();
        let Some(end) = text.find("\r\n\r\n") else {
            continue;
        };
        let len = text[..end]
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case("content-length")
                    .then(|| v.trim().parse::<usize>().ok())?
            })
            .unwrap_or(0);
        if buf.len() < end + 4 + len {
            continue;
        }
        return Some(Request {
            path: text.split(' ').nth(1).unwrap_or("").to_string(),
            head: text[..end + 4].to_string(),
            body: text[end + 4..].to_string(),
        });
    }
}
