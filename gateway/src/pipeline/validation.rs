//! Request validation as a pipeline policy: the route's compiled OpenAPI operation, checked
//! against the parameters, media type and whole body, with injection screening.

use super::{Decisions, Policy, Request};
use crate::problem::Deny;
use crate::validate::{Caps, Input, Operation};
use async_trait::async_trait;
use std::any::Any;
use std::sync::Arc;

pub struct Validation {
    pub op: Arc<Operation>,
    pub caps: Caps,
    /// A query parameter the route takes a token from: a credential, not an API parameter.
    pub credential_query: Option<String>,
}

impl std::fmt::Debug for Validation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validation")
            .field("action", &self.op.action)
            .finish_non_exhaustive()
    }
}

#[async_trait]
impl Policy for Validation {
    fn name(&self) -> &'static str {
        "validation"
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn body(&self, req: &Request<'_>, body: &[u8], d: &mut Decisions) -> Result<(), Deny> {
        let filtered;
        let query = match self.credential_query.as_deref() {
            Some(name) => {
                filtered = req
                    .view
                    .query
                    .iter()
                    .filter(|p| p.name != name)
                    .cloned()
                    .collect::<Vec<_>>();
                filtered.as_slice()
            }
            None => req.view.query.as_slice(),
        };
        let input = Input {
            path_params: req
                .route
                .params
                .iter()
                .map(String::as_str)
                .zip(req.path_params.iter().map(String::as_str))
                .collect(),
            query,
            headers: req.headers,
            cookies: &req.view.cookies,
            content_type: req.view.content_type.as_ref(),
            body: Some(body),
        };
        match self.caps.check(&self.op, &input) {
            Ok(findings) => {
                d.findings = findings;
                Ok(())
            }
            Err(deny) => {
                d.rule = crate::validate::failed_rule(&deny).map(String::from);
                Err(deny)
            }
        }
    }
}
