//! The registry of custom policies: each kind is one file in this folder, declared and
//! listed here. Nothing else names it: configuration reaches it through its key (a policy
//! file's `route_policies` entry, or the spec extension `x-gateway-<key>`), and the plan
//! builder ([`crate::pipeline::build`]) compiles it for every route it is set on.
//!
//! To add one: write `NAME.rs` with a type implementing [`crate::pipeline::Policy`] and a
//! `pub const KIND: Kind`, then add `pub mod NAME;` and `NAME::KIND` below (docs/policies.md).

pub mod acl;
pub mod cors;
pub mod ip;

use crate::pipeline::Policy;
use crate::router::Route;
use serde_json::Value;
use std::sync::Arc;

/// Compile one route's settings of a kind into its policy; `Err` is a message for `gateway check`.
pub type Compile = fn(&Value, &Route) -> Result<Arc<dyn Policy>, String>;

/// Where a kind's policies run in a route's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Before tokens and scopes: filters that need no caller (CORS, IP lists). A refusal
    /// here costs no token check.
    Edge,
    /// After tokens and scopes, before rate limits: the verified caller is in
    /// [`crate::pipeline::Decisions::principal`] (access lists by tenant or client). Rate
    /// limits still count a request refused here.
    Caller,
}

/// A kind of policy configuration can attach to routes.
pub struct Kind {
    /// Its key in a `route_policies` entry, and its spec extension `x-gateway-<key>`.
    pub key: &'static str,
    /// Where it runs in a plan.
    pub stage: Stage,
    /// Compile the settings for one route.
    pub compile: Compile,
}

/// Every registered kind; within a stage, kinds run in this order.
pub static KINDS: &[Kind] = &[ip::KIND, cors::KIND, acl::KIND];

/// Deserialize a kind's settings strictly (its struct says `deny_unknown_fields`).
pub fn settings<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, String> {
    T::deserialize(v).map_err(|e| e.to_string())
}
