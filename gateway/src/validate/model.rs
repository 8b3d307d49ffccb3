//! What a compiled operation is: its parameters, media types and body schema, the screening
//! action, and the input of one check.

use super::*;

/// An injection finding, forwarded in `monitor` mode: for the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub pointer: String,
    pub class: screen::Class,
}

/// What to do with an injection finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Block,
    Monitor,
    Off,
}

impl Action {
    pub fn parse(s: &str) -> Option<Action> {
        match s {
            "block" => Some(Action::Block),
            "monitor" => Some(Action::Monitor),
            "off" => Some(Action::Off),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Action::Block => "block",
            Action::Monitor => "monitor",
            Action::Off => "off",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLoc {
    Path,
    Query,
    Header,
    Cookie,
}

impl ParamLoc {
    pub(super) fn prefix(self) -> &'static str {
        match self {
            ParamLoc::Path => "/path/",
            ParamLoc::Query => "/query/",
            ParamLoc::Header => "/header/",
            ParamLoc::Cookie => "/cookie/",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Form,
    Simple,
    Space,
    Pipe,
    DeepObject,
    Label,
    Matrix,
}

/// The shape a parameter's text is coerced to before schema validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prim {
    String,
    Integer,
    Number,
    Boolean,
    Array(Box<Prim>),
    Object,
    /// `content: {application/json: …}`: the text is a JSON document.
    Json,
    /// `oneOf`/`anyOf` branches of different shapes: the first whose value validates wins.
    Any(Vec<Prim>),
}

pub struct Param {
    pub name: String,
    pub lower_name: String,
    /// Where violations point (`/query/limit`), built once here rather than per request.
    pub pointer: String,
    pub loc: ParamLoc,
    pub required: bool,
    pub style: Style,
    pub explode: bool,
    pub prim: Prim,
    pub validator: Arc<jsonschema::Validator>,
    /// Strict format (integer, uuid, enum…) or `x-gateway-screening: off`: not screened.
    pub exempt: bool,
    pub allow_empty: bool,
    /// The compiled schema (with its `$defs`): object members are coerced by it.
    pub schema: Arc<Value>,
    /// Declared property names of an object-valued parameter (exploded `form` objects).
    pub props: Vec<String>,
}

pub struct Media {
    /// Lower-case `type/subtype` as declared (may contain `*`).
    pub range: String,
    pub kind: BodyKind,
    pub validator: Option<Arc<jsonschema::Validator>>,
    /// The compiled root schema (with its `$defs`), walked for screening exemptions.
    pub schema: Arc<Value>,
    /// multipart: `encoding.<property>.contentType`, as lower-case media ranges.
    pub encoding: Vec<(String, Vec<String>)>,
    /// urlencoded: members declared JSON or `deepObject` by `encoding`.
    pub form: forms::FormEncoding,
    /// The screening plan of `schema` (see [`plan`]); `None` without a schema, or when the
    /// plan would be too large (the schema is then walked per request).
    pub plan: Option<Arc<plan::Plan>>,
}

pub struct BodySpec {
    pub required: bool,
    pub media: Vec<Media>,
}

/// The prepared validators of one operation.
pub struct Operation {
    pub params: Vec<Param>,
    /// `None`: the operation declares no request body; any body is refused (415).
    pub body: Option<BodySpec>,
    pub action: Action,
    pub strict_query: bool,
}

/// One request, as the validator sees it (no `Session`): the parts come from the one
/// [`crate::view::RequestView`] every pillar reads.
pub struct Input<'a> {
    /// (name, raw percent-encoded value), in template order.
    pub path_params: Vec<(&'a str, &'a str)>,
    /// Query pairs, decoded once (a credential the route takes from the query removed).
    pub query: &'a [crate::view::QueryPair],
    pub headers: &'a http::HeaderMap,
    /// Cookies, parsed once.
    pub cookies: &'a [(String, String)],
    /// The strictly parsed `Content-Type`.
    pub content_type: Option<&'a crate::view::MediaType>,
    /// The whole body; `None` or empty when the request has none.
    pub body: Option<&'a [u8]>,
}

/// Every route's prepared validators, by route id: the output of [`compile_all`], which the
/// plan builder hands out to the routes' plans (see [`crate::pipeline`]); not kept beside them.
pub struct Validation {
    pub ops: Vec<Option<Arc<Operation>>>,
    pub caps: Caps,
}

impl Validation {
    pub fn operation(&self, route_id: usize) -> Option<&Arc<Operation>> {
        self.ops.get(route_id).and_then(|o| o.as_ref())
    }

    /// Check one request against its operation (see [`Caps::check`]).
    pub fn check(&self, op: &Operation, input: &Input<'_>) -> Result<Vec<Finding>, Deny> {
        self.caps.check(op, input)
    }
}

impl std::fmt::Debug for Validation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validation")
            .field(
                "operations",
                &self.ops.iter().filter(|o| o.is_some()).count(),
            )
            .field("caps", &self.caps)
            .finish()
    }
}
