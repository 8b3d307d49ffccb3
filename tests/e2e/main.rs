//! End-to-end tests: they start the compiled `gateway` binary against real TLS upstreams.

mod core;
mod harness;
mod validate;
