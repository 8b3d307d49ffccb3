//! Rate limiting as a pipeline policy: the limits that apply to the route (compiled once,
//! `Arc`-shared between the routes they select) decided by the generation's
//! [`crate::ratelimit::RateLimiter`], whose buckets are handed over at reload.

use super::{Decisions, Policy, Request};
use crate::problem::Deny;
use crate::ratelimit::policy::Limit;
use async_trait::async_trait;
use std::any::Any;
use std::sync::Arc;

#[derive(Debug)]
pub struct Limits {
    /// The limits that select the route (possibly none: the limiter then decides nothing).
    pub limits: Vec<Arc<Limit>>,
}

#[async_trait]
impl Policy for Limits {
    fn name(&self) -> &'static str {
        "rate-limits"
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    /// A refused credential still counts against the client IP's limit, so guessing tokens
    /// or API keys is throttled like any anonymous traffic (and answered 429 once over it).
    fn runs_after_denial(&self) -> bool {
        true
    }

    async fn headers(&self, req: &Request<'_>, d: &mut Decisions) -> Result<(), Deny> {
        let r = crate::ratelimit::Request {
            client_ip: req.client.client_ip,
            principal: d.principal.as_ref(),
        };
        match req.ratelimit.check(&self.limits, r).await {
            Ok(outcome) => {
                d.ratelimit = outcome;
                Ok(())
            }
            Err(refused) => {
                d.limit = Some(refused.limit);
                d.tier = refused.tier;
                Err(refused.deny)
            }
        }
    }
}
