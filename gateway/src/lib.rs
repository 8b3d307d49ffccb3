//! Secure API gateway on Cloudflare Pingora.
//!
//! Each pillar has a pure decision core (no `Session` in its signatures) that the
//! [`proxy::Gateway`] orchestrator wires into Pingora's hooks.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod baseline;
pub mod canon;
pub mod certs;
pub mod clientcert;
pub mod clock;
pub mod config;
pub mod demo;
pub mod drain;
pub mod echo;
pub mod edge;
pub mod followers;
pub mod forwarding;
#[doc(hidden)]
pub mod fuzzing;
pub mod generation;
pub mod guard;
pub mod identity;
pub mod logmask;
pub mod metaschema;
pub mod metrics;
pub mod otel;
pub mod outlier;
pub mod pipeline;
pub mod policies;
pub mod problem;
pub mod proxy;
pub mod ratelimit;
pub mod reload;
pub mod report;
pub mod router;
pub mod routes;
pub mod secret;
pub mod server;
pub mod spec;
pub mod status;
#[doc(hidden)]
pub mod testenv;
#[cfg(test)]
pub(crate) mod testhttp;
pub mod upstream;
pub mod validate;
pub mod view;

#[cfg(test)]
mod testgen;
