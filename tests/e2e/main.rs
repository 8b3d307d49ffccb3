//! End-to-end tests: they start the compiled `gateway` binary against real TLS upstreams.

mod acl;
mod audit;
mod auth;
mod claims;
mod clientcerts;
mod connections;
mod core;
mod cors;
mod deploy;
mod edge;
mod exchange;
mod faults;
mod harness;
mod idp;
mod ip;
mod jwe;
mod otlp;
mod ratelimit;
mod reload;
mod specs;
mod validate;
